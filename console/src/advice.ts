// Why the bot is not posting and what to do about it, from GET /bot/state.

import type { BotState } from "./types";

const STOPPED: Record<string, string> = {
  USER: "You stopped it. Start it when you are ready.",
  PLAN_EXPIRED: "Your plan has expired. Renew it, then start the bot again.",
  PLAN_INACTIVE: "Your plan is not active. Ask your provider to activate it, then start the bot again.",
  NO_SESSIONS: "No Telegram sender was free. Add and verify your own bot, or ask an admin to add sessions, then start again.",
  ADMIN_SUSPENDED: "An admin suspended this bot. Contact support to have it activated.",
  RESTART: "Herald restarted while the bot ran. Start it again.",
};

export function advice(state: BotState): string {
  if (state.status === "STOPPING") return "Finishing the post in flight; no new post starts.";
  if (state.status === "RUNNING") {
    if (state.pause_reason === "DAILY_CAP") return "Running, paused: your plan's posts for today are used up; it resumes tomorrow by itself.";
    if (state.pause_reason === "OUTSIDE_ACTIVE_HOURS") return "Running, paused outside your active hours; it resumes at the next window by itself.";
    if (state.is_idle) {
      const why = state.last_error_reason ? `${state.last_error_reason} ` : "";
      return `Running, but idle: no sender can post. ${why}Add and verify your own bot, or ask an admin for sessions.`;
    }
    // Cleared by the next cycle that delivers with no post refused: while it stands, it needs a look.
    if (state.last_error_reason) return `Running, with a problem to fix: ${state.last_error_reason}`;
    return "Running: posting to your groups on schedule.";
  }
  if (state.stop_reason && STOPPED[state.stop_reason]) return STOPPED[state.stop_reason];
  return "Not started yet. Configure the bot, then start it.";
}
