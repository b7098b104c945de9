package dev.herald.domain.activity;

import dev.herald.domain.bot.BotConfig;
import dev.herald.domain.bot.BotService;
import dev.herald.domain.bot.BotState;
import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A tenant's counters and activity log (newest first, a page at a time). */
@ApplicationScoped
@Transactional
public class DashboardService {

  @Inject ActivityRepository activity;
  @Inject BotService bots;

  /** Everything a dashboard shows at once, each part as it was at the same moment. */
  public record Snapshot(
      BotState state, BotConfig config, BotStats stats, Page<ActivityEntry> recentLogs) {}

  /**
   * The dashboard's one call ({@code GET /sync/state}): state, configuration, counters and the
   * newest {@code recentLogs} log entries, read in this method's one transaction (the bot's reads
   * join it), so the parts cannot disagree and a poll costs one transaction, not four.
   */
  public Snapshot snapshot(long accountId, int recentLogs) {
    return new Snapshot(
        bots.state(accountId),
        bots.config(accountId),
        stats(accountId),
        logs(accountId, PageRequest.first(recentLogs)));
  }

  public BotStats stats(long accountId) {
    return activity.stats(accountId).orElseGet(() -> BotStats.none(accountId));
  }

  /** The activity log, newest first. */
  public Page<ActivityEntry> logs(long accountId, PageRequest request) {
    return request.page(
        activity.page(accountId, request.after(), request.fetchSize()), ActivityEntry::id);
  }
}
