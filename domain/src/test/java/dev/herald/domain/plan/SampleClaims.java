package dev.herald.domain.plan;

import jakarta.json.JsonObject;
import java.util.Map;

/** Token claims of an active plan, as the access token carries them, for the limits' tests. */
public final class SampleClaims {

  private SampleClaims() {}

  /**
   * The limits {@link PlanClaims} reads from the claims of an ACTIVE plan issued at 1 800 000 000
   * whose {@code plan_limits} claim is {@code planLimits}.
   */
  public static PlanLimits limitsOf(JsonObject planLimits) {
    Map<String, Object> claims =
        Map.of("iat", 1_800_000_000L, "plan_status", "ACTIVE", "plan_limits", planLimits);
    return PlanClaims.parse(claims::get).orElseThrow().limits();
  }
}
