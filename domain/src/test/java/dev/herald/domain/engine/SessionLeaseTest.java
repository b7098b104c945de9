package dev.herald.domain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule 15's dealing: sessions stay on the node that has them open. */
class SessionLeaseTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private static SessionLease lease(long session, String node, long secondsLeft) {
    return new SessionLease(session, node, NOW.plusSeconds(secondsLeft));
  }

  @Test
  void aLeaseIsHeldElsewhereOnlyByAnotherNodeAndOnlyUntilItRunsOut() {
    assertTrue(lease(1, "b", 5).heldElsewhere("a", NOW));
    assertFalse(lease(1, "a", 5).heldElsewhere("a", NOW), "its own");
    assertFalse(lease(1, "b", 0).heldElsewhere("a", NOW), "ran out");
    assertFalse(lease(1, "b", -5).heldElsewhere("a", NOW));
  }

  @Test
  void aCycleIsDealtTheSessionsThatAreFreeOursOrRunOut() {
    Map<Long, SessionLease> leases =
        Map.of(2L, lease(2, "a", 5), 3L, lease(3, "b", 5), 4L, lease(4, "dead", -1));
    assertEquals(
        List.of(1L, 2L, 4L), SessionLease.dealable(List.of(1L, 2L, 3L, 4L), leases, "a", NOW));
  }

  @Test
  void aBotIsLeftToTheNodeThatHoldsEveryOneOfItsSessions() {
    Map<Long, SessionLease> leases = Map.of(1L, lease(1, "b", 5), 2L, lease(2, "b", 5));
    assertFalse(SessionLease.claimable(List.of(1L, 2L), leases, "a", NOW));
    assertTrue(SessionLease.claimable(List.of(1L, 2L), leases, "b", NOW));
    assertTrue(SessionLease.claimable(List.of(1L, 2L, 3L), leases, "a", NOW), "3 is free");
    assertTrue(SessionLease.claimable(List.of(), leases, "a", NOW), "idles with its reason");
  }
}
