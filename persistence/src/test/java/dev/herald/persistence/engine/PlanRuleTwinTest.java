package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.bot.StopReason;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.plan.PlanStatus;
import dev.herald.persistence.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * "The plan allows running" in Java ({@link Plan#allowsRunning}) and in SQL ({@link
 * PlanSql#allowsRunning} and its negation {@link PlanSql#BLOCKED_ACCOUNTS}, which the plan sweep
 * starts from) agree on every row: each status, with no expiry, a past and a future one; and so do
 * the stop reasons of the plans that stop a bot ({@link StopReason#planStopped}, {@link
 * PlanSql#stopReason}).
 */
class PlanRuleTwinTest extends DatabaseTest {

  @Test
  void javaRuleAndSqlTwinAgreeOnEveryRow() {
    Instant now = Instant.now();
    int checked = 0;
    for (PlanStatus status : PlanStatus.values()) {
      for (Instant expires :
          new Instant[] {null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))}) {
        long account = rows.account(status.name(), expires);
        boolean java = new Plan(status, expires, PlanLimits.defaults(), now).allowsRunning(now);
        String where = status + " expiring " + expires;
        assertEquals(
            java,
            rows.one(
                "SELECT " + PlanSql.allowsRunning("a") + " FROM account a WHERE a.id = ?", account),
            where);
        assertEquals(
            !java,
            rows.one("SELECT ? IN (" + PlanSql.BLOCKED_ACCOUNTS + ")", account),
            where + " (blocked)");
        if (!java) {
          assertEquals(
              StopReason.planStopped(
                      new Plan(status, expires, PlanLimits.defaults(), now).effectiveStatus(now))
                  .name(),
              rows.text(
                  "SELECT " + PlanSql.stopReason("a") + " FROM account a WHERE a.id = ?", account),
              where + " (stop reason)");
        }
        checked++;
      }
    }
    assertEquals(PlanStatus.values().length * 3, checked);
  }
}
