package dev.herald.api.bot;

import dev.herald.domain.bot.BotState;
import java.time.Instant;
import java.util.List;

/** {@code GET /bot/state}: the names the dashboards of the replaced system already read. */
public record BotStateView(
    String status,
    String stopReason,
    boolean isIdle,
    String lastErrorReason,
    Instant nextRunAt,
    List<String> senders,
    String transport,
    boolean dryRun) {

  public static BotStateView of(BotState state) {
    return new BotStateView(
        state.status().name(),
        state.stopReason() == null ? null : state.stopReason().name(),
        state.idle(),
        state.lastErrorReason(),
        state.nextRunAt(),
        state.senders(),
        state.transport(),
        state.dryRun());
  }
}
