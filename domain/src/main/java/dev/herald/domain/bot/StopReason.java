package dev.herald.domain.bot;

import dev.herald.domain.plan.PlanStatus;

/** Why a bot is not running; shown to its user in {@code /bot/state}. */
public enum StopReason {
  USER,
  PLAN_EXPIRED,
  PLAN_INACTIVE,
  NO_SESSIONS,
  ADMIN_SUSPENDED,
  RESTART;

  /**
   * Why the plan sweep stops a bot whose plan no longer allows running, from the plan's effective
   * status: an inactive plan that has not expired is {@link #PLAN_INACTIVE}, anything else {@link
   * #PLAN_EXPIRED}. SQL twin: {@code PlanSql.stopReason}.
   */
  public static StopReason planStopped(PlanStatus effectiveStatus) {
    return effectiveStatus == PlanStatus.INACTIVE ? PLAN_INACTIVE : PLAN_EXPIRED;
  }
}
