package dev.herald.domain.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WakeTest {

  @Test
  void announcementsNameTheAccountsByKind() {
    Wake wake = Wake.of(List.of("state:1,2", "delivery:2,3", "log:4"));
    assertEquals(Set.of(1L, 2L), wake.state());
    assertEquals(Set.of(2L, 3L, 4L), wake.stored());
    assertFalse(wake.all());
  }

  @Test
  void anAnnouncementTooLongToNameItsAccountsWakesEveryStream() {
    Wake wake = Wake.of(List.of("log:*", "state:5"));
    assertTrue(wake.all());
    assertFalse(wake.isEmpty());
  }

  @Test
  void noAnnouncementIsNoWork() {
    assertTrue(Wake.NONE.isEmpty());
    assertTrue(Wake.of(List.of()).isEmpty());
  }
}
