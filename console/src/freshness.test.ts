import { describe, expect, it } from "vitest";
import { StateFreshness } from "./freshness";

describe("StateFreshness", () => {
  it("applies an answer when no live state arrived during its request", () => {
    const freshness = new StateFreshness();
    const stop = freshness.since();
    expect(stop()).toBe(true);
  });

  it("drops a stop's STOPPING answer that arrives after the stream's STOPPED", () => {
    const freshness = new StateFreshness();
    const stop = freshness.since();
    freshness.live(); // STOPPED, pushed once the post in flight finished
    expect(stop()).toBe(false);
  });

  it("judges each request from its own start", () => {
    const freshness = new StateFreshness();
    freshness.live();
    const start = freshness.since();
    expect(start()).toBe(true);
    freshness.live();
    const stop = freshness.since();
    expect(start()).toBe(false);
    expect(stop()).toBe(true);
  });
});
