package dev.herald.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlanTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void aPlanPastItsExpiryIsExpiredWhateverItsStatusSays() {
    Plan plan = new Plan(PlanStatus.ACTIVE, NOW, PlanLimits.defaults(), NOW);
    assertEquals(PlanStatus.EXPIRED, plan.effectiveStatus(NOW));
    assertFalse(plan.allowsRunning(NOW));
    assertTrue(plan.allowsRunning(NOW.minusMillis(1)));
  }

  @Test
  void onlyActiveAndTrialPlansRun() {
    for (PlanStatus status : PlanStatus.values()) {
      Plan plan = new Plan(status, null, PlanLimits.defaults(), NOW);
      assertEquals(
          status == PlanStatus.ACTIVE || status == PlanStatus.TRIAL, plan.allowsRunning(NOW));
    }
  }

  @Test
  void olderPlanDataNeverOverwritesNewerData() {
    Plan current = new Plan(PlanStatus.ACTIVE, null, PlanLimits.defaults(), NOW);
    Plan older = new Plan(PlanStatus.EXPIRED, null, PlanLimits.defaults(), NOW.minusSeconds(1));
    Plan newer = new Plan(PlanStatus.EXPIRED, null, PlanLimits.defaults(), NOW.plusSeconds(1));
    assertSame(current, current.replaceIfNewer(older));
    assertSame(newer, current.replaceIfNewer(newer));
  }

  @Test
  void sessionsAreCappedAtSevenPerAccount() {
    assertThrows(IllegalArgumentException.class, () -> new PlanLimits(8, 10, 0, 60, 10));
    assertThrows(IllegalArgumentException.class, () -> new PlanLimits(0, 10, 0, 60, 10));
  }
}
