package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rule 15 while clients are open: leases kept, a lost one's client closed, all fenced in time. */
class TdlibLeaseKeeperTest {

  private static final Duration FENCE = Duration.ofSeconds(3);

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final Set<Long> open = new HashSet<>(Set.of(1L, 2L));
  private final List<Long> closed = new ArrayList<>();
  private final Set<Long> ownedHere = new HashSet<>(Set.of(1L, 2L));
  private final List<Set<Long>> extended = new ArrayList<>();
  private boolean storeDown;

  private final ClientLeases leases =
      new ClientLeases() {
        @Override
        public boolean acquire(long sessionId) {
          return true;
        }

        @Override
        public Set<Long> extend(Collection<Long> sessionIds) {
          if (storeDown) {
            throw new IllegalStateException("connection refused");
          }
          extended.add(Set.copyOf(sessionIds));
          Set<Long> held = new HashSet<>(sessionIds);
          held.retainAll(ownedHere);
          return held;
        }

        @Override
        public void release(long sessionId) {}

        @Override
        public void releaseAll() {}
      };

  private final TdlibLeaseKeeper<String> keeper =
      new TdlibLeaseKeeper<>(
          leases,
          () -> open.stream().collect(Collectors.toMap(id -> id, id -> "client-" + id)),
          (id, client) -> {
            assertEquals("client-" + id, client, "the very client found open");
            closed.add(id);
            open.remove(id);
          },
          FENCE,
          nanos::get);

  /** {@code elapsed} later, an extension then a fence check, as the keeper's two threads do. */
  private void after(Duration elapsed) {
    nanos.addAndGet(elapsed.toNanos());
    keeper.extend();
    keeper.fence();
  }

  @Test
  void theOpenClientsLeasesAreExtendedAndNothingIsClosed() {
    after(Duration.ofSeconds(1));
    after(Duration.ofSeconds(1));
    assertEquals(List.of(Set.of(1L, 2L), Set.of(1L, 2L)), extended);
    assertEquals(List.of(), closed);
  }

  @Test
  void aClientWhoseLeaseAnotherNodeTookIsClosedAtOnce() {
    ownedHere.remove(2L);
    after(Duration.ofSeconds(1));
    assertEquals(List.of(2L), closed);
  }

  @Test
  void everyClientIsClosedOnceTheLeasesWentUnextendedForHalfTheirTerm() {
    after(Duration.ofSeconds(1)); // extended: the leases run at least 6 s from here
    storeDown = true;
    after(Duration.ofSeconds(1));
    after(Duration.ofMillis(1_900));
    assertEquals(List.of(), closed, "2.9 s without an extension: still held");
    after(Duration.ofMillis(100));
    assertEquals(Set.of(1L, 2L), Set.copyOf(closed), "3 s: closed while their leases still run");
  }

  @Test
  void anExtensionStuckOnTheDatabaseDoesNotHoldTheFenceUp() {
    after(Duration.ofSeconds(1));
    // The next extension hangs (a connection that never answers): only the fence runs.
    nanos.addAndGet(Duration.ofSeconds(3).toNanos());
    keeper.fence();
    assertEquals(Set.of(1L, 2L), Set.copyOf(closed));
  }

  @Test
  void aStoreBackInTimeFencesNothing() {
    storeDown = true;
    after(Duration.ofSeconds(2));
    storeDown = false;
    after(Duration.ofSeconds(1));
    storeDown = true;
    after(Duration.ofSeconds(2));
    assertEquals(List.of(), closed);
  }
}
