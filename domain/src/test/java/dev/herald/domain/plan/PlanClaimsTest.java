package dev.herald.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanClaimsTest {

  private static Map<String, Object> claims() {
    Map<String, Object> claims = new HashMap<>();
    claims.put("iat", 1_800_000_000L);
    claims.put("plan_status", "ACTIVE");
    claims.put("plan_expires_at", 1_900_000_000L);
    claims.put(
        "plan_limits",
        Json.createObjectBuilder()
            .add("max_sessions", 3)
            .add("max_groups", 20)
            .add("min_delay_between_posts_seconds", 15)
            .add("min_delay_between_cycles_seconds", 600)
            .add("max_posts_per_day", 500)
            .build());
    return claims;
  }

  @Test
  void noPlanStatusMeansNoPlanClaims() {
    assertTrue(PlanClaims.parse(Map.of("iat", 1L)::get).isEmpty());
  }

  @Test
  void fullClaimsBecomeAPlanAsOfIssuedAt() {
    Plan plan = PlanClaims.parse(claims()::get).orElseThrow();
    assertEquals(PlanStatus.ACTIVE, plan.status());
    assertEquals(Instant.ofEpochSecond(1_900_000_000L), plan.expiresAt().orElseThrow());
    assertEquals(new PlanLimits(3, 20, 15, 600, 500), plan.limits());
    assertEquals(Instant.ofEpochSecond(1_800_000_000L), plan.updatedAt());
  }

  @Test
  void planUpdatedAtWinsOverIssuedAtAndJsonValuesAndStringsAreRead() {
    Map<String, Object> claims = claims();
    claims.put("plan_updated_at", Json.createValue(1_700_000_000L));
    claims.put("plan_status", Json.createValue("trial"));
    claims.put("plan_expires_at", null);
    Plan plan = PlanClaims.parse(claims::get).orElseThrow();
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), plan.updatedAt());
    assertEquals(PlanStatus.TRIAL, plan.status());
    assertTrue(plan.expiresAt().isEmpty());
  }

  @Test
  void missingLimitsTakeTheDefaults() {
    Map<String, Object> claims = claims();
    claims.put("plan_limits", Map.of("max_sessions", 2));
    assertEquals(2, PlanClaims.parse(claims::get).orElseThrow().limits().maxSessions());
    assertEquals(
        PlanLimits.defaults().maxGroups(),
        PlanClaims.parse(claims::get).orElseThrow().limits().maxGroups());
  }

  @Test
  void malformedClaimsAreRejected() {
    Map<String, Object> badStatus = claims();
    badStatus.put("plan_status", "GOLD");
    assertThrows(IllegalArgumentException.class, () -> PlanClaims.parse(badStatus::get));
    Map<String, Object> badLimits = claims();
    badLimits.put("plan_limits", Map.of("max_sessions", 99));
    assertThrows(IllegalArgumentException.class, () -> PlanClaims.parse(badLimits::get));
    Map<String, Object> notObject = claims();
    notObject.put("plan_limits", "lots");
    assertThrows(IllegalArgumentException.class, () -> PlanClaims.parse(notObject::get));
    Map<String, Object> badExpiry = claims();
    badExpiry.put("plan_expires_at", "tomorrow");
    assertThrows(IllegalArgumentException.class, () -> PlanClaims.parse(badExpiry::get));
  }
}
