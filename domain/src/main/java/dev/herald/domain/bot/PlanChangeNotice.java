package dev.herald.domain.bot;

import dev.herald.domain.activity.ActivityEvent;
import dev.herald.domain.activity.ActivityRepository;
import dev.herald.domain.engine.WakeSignal;
import dev.herald.domain.plan.PlanLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * A plan change on the tenant's bot: tells the tenant what it cut ({@link PlanCuts}) in one
 * activity entry, written in the plan change's transaction, and plans again a bot paused for its
 * daily cap or its active hours ({@link BotRepository#replanDeferred}), so a raised cap applies at
 * once too. A cycle running now is continued under the new limits from its next post ({@link
 * BotRepository#outdateRunningCycle}, SPEC rule 18); a bot between cycles reads them at its next
 * claim.
 */
@ApplicationScoped
@Transactional
public class PlanChangeNotice {

  @Inject BotRepository bots;
  @Inject ActivityRepository activity;
  @Inject WakeSignal wake;

  public void planChanged(long accountId, PlanLimits limits) {
    bots.findByAccountId(accountId)
        .ifPresent(
            bot -> {
              List<String> cuts = PlanCuts.of(bot.config(), limits);
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
}
