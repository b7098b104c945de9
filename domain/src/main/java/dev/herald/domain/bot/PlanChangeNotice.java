package dev.herald.domain.bot;

import dev.herald.domain.activity.ActivityEvent;
import dev.herald.domain.activity.ActivityRepository;
import dev.herald.domain.engine.WakeSignal;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.session.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plan change on the tenant's bot: tells the tenant what it cut ({@link PlanCuts}) in one
 * activity entry, written in the plan change's transaction, and plans again a bot paused for its
 * daily cap or its active hours ({@link BotRepository#replanDeferred}), so a raised cap applies at
 * once too. A cycle running now is continued under the new limits from its next post ({@link
 * BotRepository#outdateRunningCycle}, SPEC rule 18); a bot between cycles reads them at its next
 * claim. The account's sessions follow the plan's {@code max_sessions} at once too ({@link
 * #fitSessions}).
 */
@ApplicationScoped
@Transactional
public class PlanChangeNotice {

  @Inject BotRepository bots;
  @Inject ActivityRepository activity;
  @Inject WakeSignal wake;
  @Inject SessionRepository sessions;
  @Inject Clock clock;

  public void planChanged(long accountId, Plan plan) {
    PlanLimits limits = plan.limits();
    bots.findByAccountId(accountId)
        .ifPresent(
            bot -> {
              List<String> cuts = new ArrayList<>(PlanCuts.of(bot.config(), limits));
              // A plan that no longer lets the bot run (the sweeper stops it) gets no more.
              boolean grows =
                  bot.status() == BotStatus.RUNNING && plan.allowsRunning(clock.instant());
              fitSessions(accountId, limits.maxSessions(), grows).ifPresent(cuts::add);
              if (!cuts.isEmpty()) {
                activity.record(
                    accountId,
                    ActivityEvent.PLAN_LIMITS_APPLIED,
                    "PLAN_LIMITS",
                    "Plan changed: " + String.join(" ", cuts));
              }
              bots.outdateRunningCycle(accountId);
              if (bots.replanDeferred(accountId)) {
                wake.afterCommit(accountId);
              }
            });
  }

  /**
   * The account holds at most {@code maxSessions} of the pool's sessions (its in-use ones, SPEC
   * rule 3) from the plan change on, not from the bot's next start: those beyond go back to the
   * pool for other accounts, the ones that cannot send now (parked, waiting out a flood) first,
   * then the newest ({@link SessionRepository#keepAtMost}, in SQL like the engine's own session
   * changes, so neither waits on the other's entity version). A bot that {@code grows} (running,
   * its plan letting it run) gets more from the pool when below the limit, as its start would have
   * given them. The cycle running now is handed back by the caller and continues with the senders
   * the account has after this. Returns the sentence for the tenant when sessions left.
   */
  private Optional<String> fitSessions(long accountId, int maxSessions, boolean grows) {
    List<Long> released = sessions.keepAtMost(accountId, maxSessions);
    if (!released.isEmpty()) {
      return Optional.of(
          "Your plan allows "
              + maxSessions
              + (maxSessions == 1 ? " session: " : " sessions: ")
              + released.size()
              + " of yours went back to the pool.");
    }
    if (grows) {
      long held = sessions.assignedTo(accountId).stream().filter(s -> s.state().inUse()).count();
      if (held < maxSessions) {
        sessions.allocate(accountId, maxSessions - (int) held);
      }
    }
    return Optional.empty();
  }
}
