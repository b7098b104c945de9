package dev.herald.persistence.engine;

import dev.herald.domain.bot.StopReason;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanStatus;
import dev.herald.persistence.SqlList;
import java.util.Arrays;

/**
 * The "plan allows running" rule in SQL, for the statements that must check it per row. Its Java
 * twin is {@link Plan#allowsRunning} (status by {@link PlanStatus#allowsRunning}, and a plan past
 * its expiry is expired whatever its status); the status list here is built from the Java enum, and
 * {@code PlanRuleTwinTest} runs both over the same rows.
 */
final class PlanSql {

  private PlanSql() {}

  /** The statuses that allow running, as an SQL list: {@code ('ACTIVE', 'TRIAL')}. */
  static final String RUNNING_STATUSES =
      SqlList.of(
          Arrays.stream(PlanStatus.values()).filter(PlanStatus::allowsRunning).map(Enum::name));

  /** True when the plan of the account row {@code alias} allows running now. */
  static String allowsRunning(String alias) {
    return "("
        + alias
        + ".plan_status IN "
        + RUNNING_STATUSES
        + " AND ("
        + alias
        + ".plan_expires_at IS NULL OR "
        + alias
        + ".plan_expires_at > now()))";
  }

  /**
   * SQL twin of {@link StopReason#planStopped}: why the plan of the account row {@code alias} stops
   * its bot.
   */
  static String stopReason(String alias) {
    return "CASE WHEN "
        + alias
        + ".plan_status = '"
        + PlanStatus.INACTIVE
        + "' AND ("
        + alias
        + ".plan_expires_at IS NULL OR "
        + alias
        + ".plan_expires_at > now()) THEN '"
        + StopReason.PLAN_INACTIVE
        + "' ELSE '"
        + StopReason.PLAN_EXPIRED
        + "' END";
  }

  /**
   * The ids of the accounts whose plan does not allow running now: the negation of {@link
   * #allowsRunning}, written as two index scans (V22's partial index on the status, the index on
   * the expiry) instead of a scan of every account.
   */
  static final String BLOCKED_ACCOUNTS =
      "SELECT id FROM account WHERE plan_status NOT IN "
          + RUNNING_STATUSES
          + "\n  UNION\n  SELECT id FROM account WHERE plan_expires_at <= now()";
}
