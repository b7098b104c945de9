package dev.herald.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.api.web.JsonbConfigResolver;
import dev.herald.domain.plan.PlanInput;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Plan terms bind straight to the domain's {@link PlanInput.LimitsInput}, by snake_case key. */
class PlanBodyTest {

  private final Jsonb jsonb = new JsonbConfigResolver().getContext(Object.class);

  private PlanBody bind(String json) {
    return jsonb.fromJson(json, PlanBody.class);
  }

  @Test
  void everyLimitBindsByItsSnakeCaseKey() {
    PlanBody body =
        bind(
            """
            {"status": "ACTIVE", "expires_at": "2027-01-01T00:00:00Z", "limits": {
              "max_sessions": 1, "max_groups": 2, "min_delay_between_posts_seconds": 3,
              "min_delay_between_cycles_seconds": 4, "max_posts_per_day": 5,
              "max_media_bytes": 6000000000, "max_media_count": 7, "max_posts_per_bot": 8,
              "max_buttons": 9}}
            """);
    assertEquals(
        new PlanInput(
            "ACTIVE",
            Instant.parse("2027-01-01T00:00:00Z"),
            new PlanInput.LimitsInput(1, 2, 3, 4, 5, 6_000_000_000L, 7, 8, 9)),
        body.toInput());
  }

  @Test
  void omittedAndNullLimitsAreNullAndUnknownKeysAreIgnored() {
    PlanBody body =
        bind(
            """
            {"status": "ACTIVE", "limits": {"max_groups": 20, "max_buttons": null,
              "colour": {"nested": [1, {"x": 2}]}, "tags": [3], "max_sessions": 2}}
            """);
    assertEquals(
        new PlanInput.LimitsInput(2, 20, null, null, null, null, null, null, null), body.limits());
  }

  @Test
  void absentOrNullLimitsAreNull() {
    assertNull(bind("{\"status\": \"ACTIVE\"}").limits());
    assertNull(bind("{\"status\": \"ACTIVE\", \"limits\": null}").limits());
  }

  @Test
  void aLimitOfTheWrongTypeIsRefused() {
    assertThrows(
        JsonbException.class,
        () -> bind("{\"status\": \"ACTIVE\", \"limits\": {\"max_sessions\": \"many\"}}"));
  }

  @Test
  void limitsAreWrittenUnderTheSameKeys() {
    String json =
        jsonb.toJson(
            new PlanBody("ACTIVE", null, new PlanInput.LimitsInput(1, 2, 3, 4, 5, 6L, 7, 8, 9)));
    assertEquals(
        "{\"limits\":{\"max_buttons\":9,\"max_groups\":2,\"max_media_bytes\":6,"
            + "\"max_media_count\":7,\"max_posts_per_bot\":8,\"max_posts_per_day\":5,"
            + "\"max_sessions\":1,\"min_delay_between_cycles_seconds\":4,"
            + "\"min_delay_between_posts_seconds\":3},\"status\":\"ACTIVE\"}",
        json);
  }
}
