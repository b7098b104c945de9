package dev.herald.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void libertyStyleDurationsAndBareSeconds() {
    assertEquals(Duration.ofSeconds(30), Durations.parse("30s", "X"));
    assertEquals(Duration.ofMinutes(2), Durations.parse("2m", "X"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s", "X"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms", "X"));
    assertEquals(Duration.ofHours(1), Durations.parse(" 1h ", "X"));
    assertEquals(Duration.ofSeconds(45), Durations.parse("45", "X"));
  }

  @Test
  void anythingElseIsRefusedNamingTheSetting() {
    for (String bad : new String[] {"", "s", "30x", "30 s", "-5s", "1.5m", null}) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> Durations.parse(bad, "HERALD_X"));
      assertEquals(true, e.getMessage().startsWith("HERALD_X="), e.getMessage());
    }
  }
}
