package dev.herald.domain.bot;

/** Where a bot is in its life. {@code STOPPING} lasts until the post in flight has finished. */
public enum BotStatus {
  STOPPED,
  RUNNING,
  STOPPING,
  SUSPENDED
}
