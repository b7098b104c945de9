// A server-sent events parser (the WHATWG "event stream" format) for a fetch() body: EventSource
// cannot send the Authorization header, so the console reads the stream itself.

export interface StreamEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * Feed it decoded text in any chunking; it returns the events completed by that chunk. Lines end
 * in LF, CR or CRLF; `data` lines join with LF; comments (":") and unknown fields are ignored; an
 * `id` persists as the last event id, like EventSource does.
 */
export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private event = "";
  private id: string | null = null;
  private sawCr = false;
  lastEventId: string | null = null;

  push(chunk: string): StreamEvent[] {
    const out: StreamEvent[] = [];
    let text = chunk;
    if (this.sawCr && text.startsWith("\n")) text = text.substring(1);
    this.sawCr = text.endsWith("\r");
    this.buffer += text;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? "";
    for (const line of lines) this.line(line, out);
    return out;
  }

  private line(line: string, out: StreamEvent[]): void {
    if (line === "") {
      if (this.data.length > 0) {
        if (this.id !== null) this.lastEventId = this.id;
        out.push({ event: this.event || "message", data: this.data.join("\n"), id: this.lastEventId });
      }
      this.data = [];
      this.event = "";
      this.id = null;
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.substring(0, colon);
    let value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) value = value.substring(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id" && !value.includes("\0")) this.id = value;
  }
}

/** Reconnect delays: 1 s, 2 s, 4 s ... up to 30 s, with up to 20 % jitter so clients spread out. */
export function backoff(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 + 0.2 * random()));
}
