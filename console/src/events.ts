// The bot's live stream, GET /api/v1/bot/events: state changes, activity log entries and
// deliveries pushed as they happen. Reconnects with backoff and Last-Event-ID, so nothing is
// missed; a 401 goes back to sign-in like every other request.

import { API, unauthorized } from "./api";
import { SseParser, backoff } from "./sse";

export type StreamStatus = "connecting" | "live" | "reconnecting";

export interface StreamHandlers {
  onEvent(event: string, data: unknown): void;
  onStatus(status: StreamStatus): void;
}

/** Opens the stream; the returned function closes it for good. */
export function openBotEvents(token: string, handlers: StreamHandlers): () => void {
  const controller = new AbortController();
  let lastEventId: string | null = null;
  let attempt = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    handlers.onStatus(attempt === 0 ? "connecting" : "reconnecting");
    const headers: Record<string, string> = {
      Accept: "text/event-stream",
      Authorization: `Bearer ${token}`,
    };
    if (lastEventId !== null) headers["Last-Event-ID"] = lastEventId;
    try {
      const response = await fetch(`${API}/bot/events`, {
        headers,
        signal: controller.signal,
        cache: "no-store",
        credentials: "omit",
      });
      if (response.status === 401) {
        closed = true;
        unauthorized();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      attempt = 0;
      handlers.onStatus("live");
      const parser = new SseParser();
      parser.lastEventId = lastEventId;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const e of parser.push(value)) {
          lastEventId = parser.lastEventId;
          handlers.onEvent(e.event, parse(e.data));
        }
      }
    } catch {
      if (closed) return;
    }
    if (closed) return;
    handlers.onStatus("reconnecting");
    timer = setTimeout(connect, backoff(attempt++));
  };

  void connect();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    controller.abort();
  };
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
