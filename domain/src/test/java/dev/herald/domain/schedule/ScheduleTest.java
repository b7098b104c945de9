package dev.herald.domain.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static Schedule jitter(int percent) {
    return new Schedule(percent, ZoneId.of("UTC"), ActiveHours.ALWAYS, 0);
  }

  @Test
  void jitterStretchesADelayUniformlyByUpToItsPercentageAndNeverShortensIt() {
    Duration delay = Duration.ofSeconds(100);
    assertEquals(delay, jitter(50).jittered(delay, 0.0));
    assertEquals(Duration.ofSeconds(125), jitter(50).jittered(delay, 0.5));
    assertEquals(Duration.ofMillis(149_999), jitter(50).jittered(delay, 0.99999));
    assertEquals(Duration.ofSeconds(110), jitter(20).jittered(delay, 0.5));
    assertEquals(delay, jitter(0).jittered(delay, 0.7));
  }

  @Test
  void jitterIsAtMostFiftyPercent() {
    assertThrows(IllegalArgumentException.class, () -> jitter(51));
    assertThrows(IllegalArgumentException.class, () -> jitter(-1));
  }
}
