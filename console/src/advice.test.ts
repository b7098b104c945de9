import { describe, expect, it } from "vitest";
import { advice } from "./advice";
import type { BotState } from "./types";

const running: BotState = {
  status: "RUNNING",
  stop_reason: null,
  is_idle: false,
  last_error_reason: null,
  next_run_at: "2026-11-30T21:00:00Z",
  senders: [],
  transport: "sandbox",
  dry_run: true,
};

describe("advice", () => {
  it("says a running bot posts on schedule while nothing went wrong", () => {
    expect(advice(running)).toBe("Running: posting to your groups on schedule.");
  });

  it("shows a running bot's last error, such as a post Telegram refuses", () => {
    const refused = "Telegram refused the post: MESSAGE_TOO_LONG. Edit the post in the bot config.";
    expect(advice({ ...running, last_error_reason: refused })).toBe(
      `Running, with a problem to fix: ${refused}`,
    );
  });

  it("puts an idle bot's missing senders first", () => {
    expect(advice({ ...running, is_idle: true, last_error_reason: "No usable session." })).toContain(
      "Running, but idle: no sender can post. No usable session.",
    );
  });
});
