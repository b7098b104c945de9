// The dashboard's 24-hour chart. The API has no per-hour endpoint, so the chart is built from the
// activity log: every finished cycle writes CYCLE_COMPLETED or CYCLE_FAILURES with a message that
// counts each outcome, "cycle <id>: 3 delivered, 1 chat forbidden, 1 slow mode" (or "cycle <id>:
// nothing posted"; LedgerSql.LOG_ACTIVITIES), paged back 24 hours.

import type { LogEntry } from "./types";

export interface HourBucket {
  start: number; // epoch ms of the hour's start
  posts: number;
  failures: number;
}

const HOUR = 3_600_000;
const CYCLE = /^cycle \d+: (.*)$/;
const COUNT = /^(\d+) (.+)$/;

/** Delivered and failed posts of one cycle entry's message; null when it is not a cycle summary. */
export function cycleCounts(message: string): { delivered: number; failed: number } | null {
  const m = CYCLE.exec(message);
  if (!m) return null;
  let delivered = 0;
  let failed = 0;
  for (const part of m[1].split(", ")) {
    const count = COUNT.exec(part);
    if (!count) continue; // "nothing posted"
    if (count[2] === "delivered") delivered += Number(count[1]);
    else if (count[2] !== "same chat") failed += Number(count[1]); // a name left out, no post
  }
  return { delivered, failed };
}

/** 24 buckets, oldest first, the last one holding the current hour. */
export function hourlyBuckets(entries: LogEntry[], now = Date.now()): HourBucket[] {
  const currentHour = Math.floor(now / HOUR) * HOUR;
  const first = currentHour - 23 * HOUR;
  const buckets: HourBucket[] = [];
  for (let i = 0; i < 24; i++) buckets.push({ start: first + i * HOUR, posts: 0, failures: 0 });
  for (const entry of entries) {
    if (entry.event !== "CYCLE_COMPLETED" && entry.event !== "CYCLE_FAILURES") continue;
    const counts = cycleCounts(entry.message ?? "");
    const at = Date.parse(entry.at);
    if (!counts || Number.isNaN(at) || at < first || at >= currentHour + HOUR) continue;
    const bucket = buckets[Math.floor((at - first) / HOUR)];
    bucket.posts += counts.delivered;
    bucket.failures += counts.failed;
  }
  return buckets;
}

/** True once a page reaches back past the chart's window: no older page is needed. */
export function reachesBack(entries: LogEntry[], now = Date.now()): boolean {
  const first = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
  return entries.some((e) => Date.parse(e.at) < first);
}
