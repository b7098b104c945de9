package dev.herald.domain.bot;

/** Why a running bot posts nothing now by its schedule; it resumes by itself ({@link BotState}). */
public enum PauseReason {
  /** Outside the bot's active hours: it resumes at the next window. */
  OUTSIDE_ACTIVE_HOURS,
  /** The plan's posts per day are used up: it resumes on the tenant's next day. */
  DAILY_CAP
}
