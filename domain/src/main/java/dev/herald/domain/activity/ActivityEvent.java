package dev.herald.domain.activity;

/**
 * The events written to an account's activity log ({@code activity_log.event}). The names are the
 * stored values: rename a constant only with a migration of the rows.
 */
public enum ActivityEvent {
  /** A cycle ended and every attempted post was delivered. */
  CYCLE_COMPLETED,
  /** A cycle ended with at least one failed post. */
  CYCLE_FAILURES,
  /** A session must wait (flood wait, or PEER_FLOOD configured to cool down). */
  FLOOD_WAIT,
  /** A session was banned (by Telegram, as the engine saw it, or by an admin). */
  SESSION_BANNED,
  /** A free session from the pool took a banned session's place. */
  SESSION_REPLACED,
  /** A session cannot send for now (NEEDS_LOGIN or UNAVAILABLE): parked, not banned. */
  SESSION_PARKED,
  /** The bot was stopped by the service: plan expired or inactive, or a restart. */
  AUTO_STOPPED,
  /** The plan changed and its limits cut part of the bot's configuration (issue 15). */
  PLAN_LIMITS_APPLIED;

  /** The cycle's end, as the log names it: any failed post makes it {@link #CYCLE_FAILURES}. */
  public static ActivityEvent cycleEnded(int failures) {
    return failures > 0 ? CYCLE_FAILURES : CYCLE_COMPLETED;
  }
}
