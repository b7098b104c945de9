package dev.herald.domain.bot;

/** Why a bot is not running; shown to its user in {@code /bot/state}. */
public enum StopReason {
  USER,
  PLAN_EXPIRED,
  PLAN_INACTIVE,
  NO_SESSIONS,
  ADMIN_SUSPENDED,
  RESTART
}
