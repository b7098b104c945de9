package dev.herald.api.dashboard;

import dev.herald.api.bot.BotConfigBody;
import dev.herald.api.bot.BotStateView;

/** {@code GET /sync/state}: everything a dashboard shows, in one call. */
public record SyncStateView(
    BotStateView state, BotConfigBody config, StatsView stats, LogPageView recentLogs) {}
