package dev.herald.domain.bot;

import dev.herald.domain.plan.PlanLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * What the plan's current limits cut from a stored configuration (SPEC rule 18: a plan change takes
 * effect on running bots at once). The configuration stays as the tenant saved it; the engine's
 * claim applies the limits to each cycle ({@code LeaseSql.CLAIM_DUE}: groups beyond {@code
 * max_groups} left out, delays raised to the minimums), and these sentences tell the tenant so, in
 * {@code /bot/state} and in the activity log when the plan changes.
 */
public final class PlanCuts {

  private PlanCuts() {}

  public static List<String> of(BotConfig config, PlanLimits limits) {
    List<String> cuts = new ArrayList<>();
    int groups = config.targetGroups().size();
    if (groups > limits.maxGroups()) {
      cuts.add(
          "Your plan allows "
              + limits.maxGroups()
              + " target groups: the last "
              + (groups - limits.maxGroups())
              + " of your "
              + groups
              + " are not posted to.");
    }
    if (config.delayBetweenPostsSeconds() < limits.minDelayBetweenPostsSeconds()) {
      cuts.add(
          raised(
              "between posts",
              config.delayBetweenPostsSeconds(),
              limits.minDelayBetweenPostsSeconds()));
    }
    if (config.delayBetweenCyclesSeconds() < limits.minDelayBetweenCyclesSeconds()) {
      cuts.add(
          raised(
              "between cycles",
              config.delayBetweenCyclesSeconds(),
              limits.minDelayBetweenCyclesSeconds()));
    }
    return cuts;
  }

  private static String raised(String which, int configured, int minimum) {
    return "The delay "
        + which
        + " is raised from "
        + configured
        + " to "
        + minimum
        + " seconds, your plan's minimum.";
  }
}
