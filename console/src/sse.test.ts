import { describe, expect, it } from "vitest";
import { SseParser, backoff } from "./sse";

describe("SseParser", () => {
  it("parses events split across chunks, with ids kept as the last event id", () => {
    const p = new SseParser();
    expect(p.push("event: state\ndata: {\"status\":")).toEqual([]);
    const events = p.push("\"RUNNING\"}\n\nid: 7\nevent: delivery\ndata: {}\n\n");
    expect(events).toEqual([
      { event: "state", data: '{"status":"RUNNING"}', id: null },
      { event: "delivery", data: "{}", id: "7" },
    ]);
    expect(p.lastEventId).toBe("7");
  });

  it("joins data lines, ignores comments and handles CRLF split between chunks", () => {
    const p = new SseParser();
    expect(p.push(": keep-alive\r\ndata: a\r")).toEqual([]);
    expect(p.push("\ndata: b\r\n\r\n")).toEqual([{ event: "message", data: "a\nb", id: null }]);
  });

  it("dispatches nothing for an event without data", () => {
    const p = new SseParser();
    expect(p.push("event: state\n\n")).toEqual([]);
  });
});

describe("backoff", () => {
  it("doubles from one second up to thirty", () => {
    const none = () => 0;
    expect([0, 1, 2, 5, 10].map((a) => backoff(a, none))).toEqual([1000, 2000, 4000, 30000, 30000]);
  });
});
