package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC rule 15's session leases on PostgreSQL: one holder at a time, a dead holder's run out. */
class JdbcSessionLeasesTest extends DatabaseTest {

  private static final Duration LEASE = Duration.ofSeconds(30);

  private final JdbcSessionLeases leases = new JdbcSessionLeases(TestDatabase.dataSource());
  private final JdbcLeaseStore engine = new JdbcLeaseStore(TestDatabase.dataSource());
  private long session;

  @BeforeEach
  void aFreeSession() {
    session = rows.session(rows.apiPair(10), "UNUSED", null, null);
  }

  private String owner() {
    return rows.text("SELECT owner_node FROM session_lease WHERE session_id = ?", session);
  }

  private Instant until() {
    return ((Timestamp)
            rows.one("SELECT lease_until FROM session_lease WHERE session_id = ?", session))
        .toInstant();
  }

  private void leaseUntil(Instant until) {
    rows.update(
        "UPDATE session_lease SET lease_until = ? WHERE session_id = ?",
        Timestamp.from(until),
        session);
  }

  @Test
  void aFreeSessionIsTakenAndItsHolderTakesItAgain() {
    assertTrue(leases.acquire(session, "node-a", LEASE));
    assertTrue(leases.acquire(session, "node-a", LEASE), "its own lease: extended");
    assertEquals("node-a", owner());
    assertTrue(until().isAfter(Instant.now().plusSeconds(20)));
  }

  @Test
  void anotherNodeCannotTakeALiveLease() {
    assertTrue(leases.acquire(session, "node-a", LEASE));
    assertFalse(leases.acquire(session, "node-b", LEASE));
    assertEquals("node-a", owner());
  }

  @Test
  void aLeaseThatRanOutIsTakenOverByAnotherNode() {
    assertTrue(leases.acquire(session, "dead-node", LEASE));
    leaseUntil(Instant.now().minusSeconds(1));

    assertTrue(leases.acquire(session, "node-b", LEASE));
    assertEquals("node-b", owner());
  }

  @Test
  void onlyTheHolderGivesTheLeaseBack() {
    assertTrue(leases.acquire(session, "node-a", LEASE));
    leases.release(session, "node-b");
    assertEquals("node-a", owner());
    leases.release(session, "node-a");
    assertTrue(leases.acquire(session, "node-b", LEASE), "free again");
  }

  @Test
  void aNodeGivesBackAllItsLeasesAndNoOtherNodes() {
    long other = rows.session(rows.apiPair(10), "UNUSED", null, null);
    assertTrue(leases.acquire(session, "node-a", LEASE));
    assertTrue(leases.acquire(other, "node-b", LEASE));

    leases.releaseAll("node-a");

    assertEquals(0, rows.count("SELECT count(*) FROM session_lease WHERE owner_node = 'node-a'"));
    assertEquals(1, rows.count("SELECT count(*) FROM session_lease WHERE owner_node = 'node-b'"));
  }

  @Test
  void aNodeExtendsTheLeasesItStillHoldsAndLearnsWhichItLost() {
    long other = rows.session(rows.apiPair(10), "UNUSED", null, null);
    long lost = rows.session(rows.apiPair(10), "UNUSED", null, null);
    assertTrue(leases.acquire(session, "node-a", LEASE));
    assertTrue(leases.acquire(other, "node-b", LEASE));
    assertTrue(leases.acquire(lost, "node-a", LEASE));
    rows.update("UPDATE session_lease SET lease_until = now() + interval '2 seconds'");
    rows.update(
        "UPDATE session_lease SET lease_until = now() - interval '1 second' WHERE session_id = ?",
        lost);
    assertTrue(leases.acquire(lost, "node-b", LEASE), "node-a's lease ran out: node-b took it");

    assertEquals(Set.of(session), leases.extend("node-a", LEASE, List.of(session, other, lost)));

    assertTrue(until().isAfter(Instant.now().plusSeconds(20)), "extended to " + until());
    Instant others =
        ((Timestamp) rows.one("SELECT lease_until FROM session_lease WHERE session_id = ?", other))
            .toInstant();
    assertTrue(others.isBefore(Instant.now().plusSeconds(5)), "node-b's lease is node-b's");
    assertEquals(
        "node-b", rows.text("SELECT owner_node FROM session_lease WHERE session_id = ?", lost));
  }

  @Test
  void ofNodesRacingForOneFreeSessionExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> racers =
          IntStream.range(0, 8)
              .<Callable<Boolean>>mapToObj(i -> () -> leases.acquire(session, "node-" + i, LEASE))
              .toList();
      long winners = 0;
      for (Future<Boolean> won : pool.invokeAll(racers)) {
        winners += won.get() ? 1 : 0;
      }
      assertEquals(1, winners);
    } finally {
      pool.shutdownNow();
    }
  }
}
