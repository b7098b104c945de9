import type { HourBucket } from "../chart";

const W = 720;
const H = 160;
const BAR = W / 24;

/**
 * Bars in SVG attributes only (no style attributes: the CSP allows no inline style); a table with
 * the same numbers follows for screen readers and as a fallback.
 */
export function HourChart({ buckets }: { buckets: HourBucket[] }) {
  const max = Math.max(1, ...buckets.map((b) => b.posts + b.failures));
  const total = buckets.reduce((s, b) => s + b.posts, 0);
  const failed = buckets.reduce((s, b) => s + b.failures, 0);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H + 20}`} role="img" aria-label={`${total} posts delivered and ${failed} failed in the last 24 hours`}>
        {buckets.map((b, i) => {
          const okH = (b.posts / max) * H;
          const failH = (b.failures / max) * H;
          const x = i * BAR + 2;
          return (
            <g key={b.start}>
              <rect class="bar-ok" x={x} y={H - okH} width={BAR - 4} height={okH} />
              <rect class="bar-fail" x={x} y={H - okH - failH} width={BAR - 4} height={failH} />
              {i % 3 === 0 && (
                <text class="axis" x={x} y={H + 15}>
                  {new Date(b.start).getHours().toString().padStart(2, "0")}h
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="key ok">Delivered</span> <span class="key fail">Failed</span> — {total} delivered, {failed} failed
      </figcaption>
    </figure>
  );
}
