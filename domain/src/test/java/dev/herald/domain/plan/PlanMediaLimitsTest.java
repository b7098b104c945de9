package dev.herald.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's media limits arrive like the other limits: admin input, token claims, defaults. */
class PlanMediaLimitsTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private static PlanInput input(Long maxMediaBytes, Integer maxMediaCount) {
    return new PlanInput(
        "ACTIVE",
        null,
        new PlanInput.LimitsInput(
            null, null, null, null, null, maxMediaBytes, maxMediaCount, null, null));
  }

  @Test
  void omittedMediaLimitsTakeTheDefaults() {
    PlanLimits limits = PlanPolicy.toPlan(input(null, null), NOW, "").limits();
    assertEquals(PlanLimits.DEFAULT_MAX_MEDIA_BYTES, limits.maxMediaBytes());
    assertEquals(PlanLimits.DEFAULT_MAX_MEDIA_COUNT, limits.maxMediaCount());
    assertEquals(PlanLimits.defaults(), new PlanLimits(7, 50, 10, 300, 1_000));
  }

  @Test
  void givenMediaLimitsAreKeptUpToTheBotApisUploadLimit() {
    PlanLimits limits = PlanPolicy.toPlan(input(50L * 1024 * 1024, 0), NOW, "").limits();
    assertEquals(PlanLimits.MAX_MEDIA_BYTES_CEILING, limits.maxMediaBytes());
    assertEquals(0, limits.maxMediaCount());
  }

  @Test
  void planIsRefusedWhenTheMediaSizeIsOverTheCeiling() {
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () -> PlanPolicy.toPlan(input(PlanLimits.MAX_MEDIA_BYTES_CEILING + 1, null), NOW, ""));
    assertEquals(
        List.of(
            new FieldError(
                "limits", "max_media_bytes must be between 1 and 52428800, was 52428801.")),
        refused.errors());
  }

  @Test
  void tokenClaimsCarryTheMediaLimits() {
    PlanLimits limits =
        SampleClaims.limitsOf(
            Json.createObjectBuilder()
                .add("max_media_bytes", 3_000_000L)
                .add("max_media_count", 7)
                .build());
    assertEquals(3_000_000L, limits.maxMediaBytes());
    assertEquals(7, limits.maxMediaCount());
  }
}
