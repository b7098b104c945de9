// The dashboard's 24-hour chart. The API has no per-hour endpoint, so the chart is built from the
// activity log: every finished cycle writes CYCLE_COMPLETED or CYCLE_FAILURES with the message
// "cycle <id>: <delivered>/<attempted> delivered" (JdbcEngineStore), paged back 24 hours.

import type { LogEntry } from "./types";

export interface HourBucket {
  start: number; // epoch ms of the hour's start
  posts: number;
  failures: number;
}

const HOUR = 3_600_000;
const CYCLE = /(\d+)\/(\d+) delivered/;

/** 24 buckets, oldest first, the last one holding the current hour. */
export function hourlyBuckets(entries: LogEntry[], now = Date.now()): HourBucket[] {
  const currentHour = Math.floor(now / HOUR) * HOUR;
  const first = currentHour - 23 * HOUR;
  const buckets: HourBucket[] = [];
  for (let i = 0; i < 24; i++) buckets.push({ start: first + i * HOUR, posts: 0, failures: 0 });
  for (const entry of entries) {
    if (entry.event !== "CYCLE_COMPLETED" && entry.event !== "CYCLE_FAILURES") continue;
    const m = CYCLE.exec(entry.message ?? "");
    const at = Date.parse(entry.at);
    if (!m || Number.isNaN(at) || at < first || at >= currentHour + HOUR) continue;
    const delivered = Number(m[1]);
    const attempted = Number(m[2]);
    const bucket = buckets[Math.floor((at - first) / HOUR)];
    bucket.posts += delivered;
    bucket.failures += Math.max(0, attempted - delivered);
  }
  return buckets;
}

/** True once a page reaches back past the chart's window: no older page is needed. */
export function reachesBack(entries: LogEntry[], now = Date.now()): boolean {
  const first = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
  return entries.some((e) => Date.parse(e.at) < first);
}
