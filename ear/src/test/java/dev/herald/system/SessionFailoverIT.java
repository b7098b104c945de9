package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.LibertyServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's must-show for two nodes (SPEC rule 15): sessions logged in on node A post from A while
 * it lives (B leaves them where they are open); after {@code kill -9} of A they post from node B
 * within the lease time, without a new login, reopened on B from PostgreSQL (B has its own TDLib
 * folder); and at no moment are two clients of one session open, as the model's record of every
 * client shows.
 */
class SessionFailoverIT extends ModelNodesSystemTest {

  /** The engine's lease (herald.engine.lease-seconds) and the margin a takeover may take more. */
  static final Duration LEASE = Duration.ofSeconds(6);

  static LibertyServer nodeA;
  static LibertyServer nodeB;

  @BeforeAll
  static void start() {
    nodes = new ModelSessionNodes(system, "failover");
    nodeA = nodes.started("herald-lease-a");
    nodeB = nodes.started("herald-lease-b");
  }

  @Test
  void sessionsOfAKilledNodePostFromTheOtherWithinTheLeaseTimeAndNeverTwice() {
    List<Long> sessions =
        nodes.postingAndStored(
            nodeA, "node A", tokens, SESSIONS, "@failover_a", "@failover_b", "@failover_c");
    long pidA = nodeA.pid();
    long pidB = nodeB.pid();
    nodes.assertNeverTwoClientsOfOneSession(Map.of());
    assertTrue(nodes.sessionsWith("open", pidB).isEmpty(), "B leaves them where they are open");
    long logins = nodes.recorded("login");

    Instant killed = nodeA.kill();
    Duration takeover = nodes.awaitPosting("node B", pidB, sessions);

    Duration allowed = LEASE.plusSeconds(10); // the lease, then a claim and a cycle
    assertTrue(
        takeover.compareTo(allowed) <= 0,
        "took " + takeover.toMillis() + " ms after the kill; the lease is " + LEASE);
    assertEquals(logins, nodes.recorded("login"), "no new login");
    assertEquals(0, nodes.notSending(), "0 banned, none needs a login or is parked");
    nodes.assertNeverTwoClientsOfOneSession(Map.of(pidA, killed));
    System.out.printf(
        "SessionFailoverIT: %d sessions moved from the killed node to the other in %d ms%n",
        SESSIONS, takeover.toMillis());
  }
}
