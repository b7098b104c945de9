package dev.herald.domain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CycleSummaryTest {

  @Test
  void deliveredFirstThenTheMostFrequentAndTheMostFrequentFailureAsTheReason() {
    assertEquals(
        new CycleSummary("CHAT_FORBIDDEN", "cycle 12: 2 delivered, 2 chat forbidden, 1 slow mode"),
        CycleSummary.of(12, Map.of("SLOW_MODE", 1, "DELIVERED", 2, "CHAT_FORBIDDEN", 2)));
  }

  @Test
  void tiesGoByCodeAndAPostStillSendingIsNoFailure() {
    assertEquals(
        new CycleSummary("CHAT_FORBIDDEN", "cycle 3: 1 chat forbidden, 1 sending, 1 slow mode"),
        CycleSummary.of(3, Map.of("SLOW_MODE", 1, "SENDING", 1, "CHAT_FORBIDDEN", 1)));
    assertEquals(
        new CycleSummary("NOTHING_POSTED", "cycle 3: 1 sending"),
        CycleSummary.of(3, Map.of("SENDING", 1)));
  }

  @Test
  void aCycleWithoutPostsPostedNothing() {
    assertEquals(
        new CycleSummary("NOTHING_POSTED", "cycle 7: nothing posted"),
        CycleSummary.of(7, Map.of()));
    assertEquals(
        new CycleSummary("DELIVERED", "cycle 7: 4 delivered"),
        CycleSummary.of(7, Map.of("DELIVERED", 4)));
  }
}
