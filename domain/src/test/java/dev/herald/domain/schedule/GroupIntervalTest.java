package dev.herald.domain.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupIntervalTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void aGroupIsPostedToAtMostOnceInItsMinimumInterval() {
    Duration thirty = Duration.ofMinutes(30);
    assertFalse(GroupInterval.mayPostTo(NOW.minusSeconds(29 * 60), NOW, thirty));
    assertTrue(GroupInterval.mayPostTo(NOW.minusSeconds(30 * 60), NOW, thirty));
    assertTrue(GroupInterval.mayPostTo(null, NOW, thirty));
    assertTrue(GroupInterval.mayPostTo(NOW, NOW, Duration.ZERO));
  }
}
