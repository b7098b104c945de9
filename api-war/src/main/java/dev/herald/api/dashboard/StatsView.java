package dev.herald.api.dashboard;

import dev.herald.domain.activity.BotStats;
import java.time.Instant;

/** {@code GET /bot/stats}. */
public record StatsView(
    long totalPosts,
    long totalSuccess,
    long totalFailures,
    long totalFloodWaits,
    long messagesSent,
    Instant lastActivity) {

  public static StatsView of(BotStats stats) {
    return new StatsView(
        stats.totalPosts(),
        stats.totalSuccess(),
        stats.totalFailures(),
        stats.totalFloodWaits(),
        stats.messagesSent(),
        stats.lastActivityAt());
  }
}
