package dev.herald.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.domain.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillingEventTest {

  private static BillingEvent parse(String json) {
    return BillingEvent.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesEpochAndIsoTimesAndLimits() {
    BillingEvent event =
        parse(
            "{\"event_id\":\"ev-1\",\"email\":\"a@b.c\",\"plan_status\":\"ACTIVE\",\"expires_at\":\"2030-01-01T00:00:00Z\","
                + "\"limits\":{\"max_sessions\":3},\"occurred_at\":1800000000}");
    assertEquals("ev-1", event.eventId());
    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), event.plan().expiresAt());
    assertEquals(3, event.plan().limits().maxSessions());
    assertEquals(Instant.ofEpochSecond(1_800_000_000L), event.occurredAt());
  }

  @Test
  void missingIdAccountAndTimeAreReportedTogether() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> parse("{\"plan_status\":\"ACTIVE\"}"));
    assertEquals(3, e.errors().size(), e.errors()::toString);
  }

  @Test
  void notJsonIsInvalidInput() {
    assertThrows(InvalidInputException.class, () -> parse("not json"));
  }

  /** Found by bench/fuzz.sh: epoch seconds beyond Instant's range (or beyond a long) were a 500. */
  @Test
  void timesOutOfRangeAreFieldErrors() {
    for (String time :
        new String[] {
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "123456789012345678901234567890",
          "1.5e300"
        }) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () ->
                  parse(
                      "{\"event_id\":\"ev-1\",\"email\":\"a@b.c\",\"expires_at\":"
                          + time
                          + ",\"occurred_at\":"
                          + time
                          + "}"));
      assertEquals(2, e.errors().size(), e.errors()::toString);
    }
  }
}
