import { describe, expect, it } from "vitest";
import { cycleCounts, hourlyBuckets, reachesBack } from "./chart";
import type { LogEntry } from "./types";

const NOW = Date.parse("2026-11-29T14:30:00Z");
const entry = (id: number, event: string, message: string, at: string): LogEntry => ({ id, event, reason_code: null, message, at });

describe("hourlyBuckets", () => {
  it("counts delivered and failed posts of finished cycles per hour, oldest hour first", () => {
    const buckets = hourlyBuckets(
      [
        entry(1, "CYCLE_COMPLETED", "cycle 3: 2 delivered", "2026-11-29T14:05:00Z"),
        entry(2, "CYCLE_FAILURES", "cycle 2: 1 delivered, 1 chat forbidden, 1 slow mode", "2026-11-29T14:01:00Z"),
        entry(3, "CYCLE_COMPLETED", "cycle 1: 4 delivered", "2026-11-28T15:10:00Z"),
        entry(4, "FLOOD_WAIT", "cycle 9: 9 delivered", "2026-11-29T14:02:00Z"),
        entry(5, "CYCLE_COMPLETED", "cycle 0: 5 delivered", "2026-11-28T14:59:00Z"),
      ],
      NOW,
    );
    expect(buckets).toHaveLength(24);
    expect(buckets[23]).toMatchObject({ posts: 3, failures: 2 });
    expect(buckets[0]).toMatchObject({ start: Date.parse("2026-11-28T15:00:00Z"), posts: 4, failures: 0 });
    expect(buckets.reduce((s, b) => s + b.posts, 0)).toBe(7);
  });

  it("reads the counts of a cycle summary, and nothing from other messages", () => {
    expect(cycleCounts("cycle 7: 2 delivered, 3 chat forbidden")).toEqual({ delivered: 2, failed: 3 });
    expect(cycleCounts("cycle 8: nothing posted")).toEqual({ delivered: 0, failed: 0 });
    // A second name of a chat the cycle posted to once: no post, and no failure.
    expect(cycleCounts("cycle 9: 2 delivered, 1 same chat")).toEqual({ delivered: 2, failed: 0 });
    expect(cycleCounts("session 4 cools down")).toBeNull();
  });

  it("knows when a page reaches past the window", () => {
    expect(reachesBack([entry(1, "X", "", "2026-11-28T14:59:00Z")], NOW)).toBe(true);
    expect(reachesBack([entry(1, "X", "", "2026-11-28T15:00:00Z")], NOW)).toBe(false);
  });
});
