package dev.herald.domain.bot;

import dev.herald.domain.activity.ActivityEvent;
import dev.herald.domain.activity.ActivityRepository;
import dev.herald.domain.plan.PlanLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Tells a tenant what a plan change cut from their bot ({@link PlanCuts}): one activity entry,
 * written in the plan change's transaction. The engine needs no signal: its next claim reads the
 * new limits.
 */
@ApplicationScoped
@Transactional
public class PlanChangeNotice {

  @Inject BotRepository bots;
  @Inject ActivityRepository activity;

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
            });
  }
}
