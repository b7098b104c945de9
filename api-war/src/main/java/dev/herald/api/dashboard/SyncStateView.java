package dev.herald.api.dashboard;

import dev.herald.api.bot.BotConfigBody;
import dev.herald.api.bot.BotStateView;
import dev.herald.api.paging.PageView;
import dev.herald.domain.activity.DashboardService;

/** {@code GET /sync/state}: everything a dashboard shows, in one call. */
public record SyncStateView(
    BotStateView state, BotConfigBody config, StatsView stats, PageView<LogEntryView> recentLogs) {

  static SyncStateView of(DashboardService.Snapshot snapshot) {
    return new SyncStateView(
        BotStateView.of(snapshot.state()),
        BotConfigBody.of(snapshot.config()),
        StatsView.of(snapshot.stats()),
        PageView.of(snapshot.recentLogs(), LogEntryView::of));
  }
}
