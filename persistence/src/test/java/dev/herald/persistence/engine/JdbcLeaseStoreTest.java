package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.engine.DueCycle;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcLeaseStoreTest extends DatabaseTest {

  private static final Duration LEASE = Duration.ofSeconds(30);

  private final JdbcLeaseStore leases = new JdbcLeaseStore(TestDatabase.dataSource());
  private final Instant now = Instant.now();

  private long runningBot(Instant due) {
    return rows.bot(rows.account("ACTIVE", null), "RUNNING", due, "@herald_one,@herald_two");
  }

  @Test
  void claimLeasesDueRunningBotsWithTheirUsableSessionsAndGroupsInOrder() {
    long bot = runningBot(now.minusSeconds(1));
    long pair = rows.apiPair(10);
    long usable = rows.session(pair, "ASSIGNED", bot, null);
    rows.session(pair, "ASSIGNED", bot, now.plus(Duration.ofMinutes(5))); // flood-waiting
    rows.session(pair, "UNUSED", null, null);

    List<DueCycle> claimed = leases.claimDue("node-a", Duration.ofSeconds(1), LEASE, 10);

    assertEquals(1, claimed.size());
    DueCycle cycle = claimed.get(0);
    assertEquals(bot, cycle.accountId());
    assertEquals(List.of(usable), cycle.sessionIds());
    assertEquals(
        List.of("@herald_one", "@herald_two"),
        cycle.groups().stream().map(g -> g.canonical()).toList());
    assertEquals("node-a", rows.text("SELECT lease_owner FROM bot WHERE account_id = ?", bot));
    assertFalse(cycle.continued(), "no delivery record of this cycle yet");
  }

  @Test
  void aLeasedBotIsNotClaimedAgainByAnotherNode() {
    runningBot(now.minusSeconds(1));
    assertEquals(1, leases.claimDue("node-a", Duration.ofSeconds(1), LEASE, 10).size());
    assertEquals(0, leases.claimDue("node-b", Duration.ofSeconds(1), LEASE, 10).size());
  }

  @Test
  void anExpiredLeaseIsClaimedByAnotherNodeInTheSameCycle() {
    long bot = runningBot(now.minusSeconds(60));
    rows.lease(bot, "dead-node", now.minusSeconds(1));
    rows.update("UPDATE bot SET cycle_id = 7 WHERE account_id = ?", bot);
    rows.update(
        "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
            + " node_id, planned_at, outcome, started_at) VALUES (?, 7, '@herald_one', 'SESSION',"
            + " 1, 'dead-node', now(), 'SENDING', now())",
        bot);

    List<DueCycle> claimed = leases.claimDue("node-b", Duration.ofSeconds(1), LEASE, 10);

    assertEquals(1, claimed.size());
    assertEquals(7, claimed.get(0).cycleId(), "the cycle continues: its delivery records count");
    assertTrue(claimed.get(0).continued(), "the dead node's record says the cycle ran before");
  }

  private void sessionLease(long session, String node, Instant until) {
    rows.update(
        "INSERT INTO session_lease (session_id, owner_node, lease_until, acquired_at)"
            + " VALUES (?, ?, ?, now())",
        session,
        node,
        Timestamp.from(until));
  }

  @Test
  void aCycleGetsOnlyTheSessionsNoOtherNodeHolds() {
    long bot = runningBot(now.minusSeconds(1));
    long pair = rows.apiPair(10);
    long free = rows.session(pair, "ASSIGNED", bot, null);
    long mine = rows.session(pair, "ASSIGNED", bot, null);
    long elsewhere = rows.session(pair, "ASSIGNED", bot, null);
    long ranOut = rows.session(pair, "ASSIGNED", bot, null);
    sessionLease(mine, "node-a", now.plusSeconds(30));
    sessionLease(elsewhere, "node-b", now.plusSeconds(30));
    sessionLease(ranOut, "dead-node", now.minusSeconds(1));

    List<DueCycle> claimed = leases.claimDue("node-a", Duration.ofSeconds(1), LEASE, 10);

    assertEquals(1, claimed.size());
    assertEquals(List.of(free, mine, ranOut), claimed.get(0).sessionIds());
  }

  @Test
  void aBotWhoseEverySessionAnotherNodeHoldsIsLeftToThatNode() {
    long bot = runningBot(now.minusSeconds(1));
    long pair = rows.apiPair(10);
    long first = rows.session(pair, "ASSIGNED", bot, null);
    long second = rows.session(pair, "ASSIGNED", bot, null);
    sessionLease(first, "node-b", now.plusSeconds(30));
    sessionLease(second, "node-b", now.plusSeconds(30));

    assertEquals(0, leases.claimDue("node-a", Duration.ofSeconds(1), LEASE, 10).size());
    List<DueCycle> atTheHolder = leases.claimDue("node-b", Duration.ofSeconds(1), LEASE, 10);
    assertEquals(1, atTheHolder.size());
    assertEquals(List.of(first, second), atTheHolder.get(0).sessionIds());
  }

  @Test
  void aBotWithoutUsableSessionsIsStillClaimedSoItsCycleSaysWhyItIdles() {
    long bot = runningBot(now.minusSeconds(1));
    long waiting = rows.session(rows.apiPair(10), "ASSIGNED", bot, now.plusSeconds(300));
    sessionLease(waiting, "node-b", now.plusSeconds(30)); // flood-waiting: not usable

    List<DueCycle> claimed = leases.claimDue("node-a", Duration.ofSeconds(1), LEASE, 10);

    assertEquals(1, claimed.size());
    assertEquals(List.of(), claimed.get(0).sessionIds());
  }

  @Test
  void stoppedBotsAndBotsDueLaterAreNotClaimed() {
    rows.bot(rows.account("ACTIVE", null), "STOPPED", now.minusSeconds(1), "@herald_one");
    runningBot(now.plus(Duration.ofMinutes(5)));
    assertEquals(0, leases.claimDue("node-a", Duration.ofSeconds(1), LEASE, 10).size());
  }

  @Test
  void heartbeatKeepsTheNodeAliveAndExtendsItsLeasesPastHalfTheirTime() {
    long bot = runningBot(now.minusSeconds(1));
    rows.lease(bot, "node-a", now.plusSeconds(5)); // less than half of 30 s left

    leases.heartbeat("node-a", LEASE, List.of(bot));

    Instant until =
        ((Timestamp) rows.one("SELECT lease_until FROM bot WHERE account_id = ?", bot)).toInstant();
    assertTrue(until.isAfter(now.plusSeconds(20)), "extended to " + until);
    assertTrue(leases.otherNodesAlive("node-b", Duration.ofSeconds(10)));
    assertFalse(leases.otherNodesAlive("node-a", Duration.ofSeconds(10)));
  }

  @Test
  void stopAllAfterRestartStopsRunningAndStoppingBotsAndLogsWhy() {
    long running = runningBot(now);
    long stopping = rows.bot(rows.account("ACTIVE", null), "STOPPING", null, "@herald_one");
    rows.bot(rows.account("ACTIVE", null), "STOPPED", null, "@herald_one");

    assertEquals(2, leases.stopAllAfterRestart());

    for (long bot : new long[] {running, stopping}) {
      assertEquals("STOPPED", rows.text("SELECT status FROM bot WHERE account_id = ?", bot));
      assertEquals(
          1,
          rows.count(
              "SELECT count(*) FROM activity_log WHERE account_id = ? AND event = 'AUTO_STOPPED'"
                  + " AND reason_code = 'RESTART'",
              bot));
    }
  }

  @Test
  void leavingReleasesLeasesAndSettlesStoppingBots() {
    long running = runningBot(now);
    long stopping = rows.bot(rows.account("ACTIVE", null), "STOPPING", null, "@herald_one");
    rows.lease(running, "node-a", now.plusSeconds(30));
    rows.lease(stopping, "node-a", now.plusSeconds(30));
    leases.heartbeat("node-a", LEASE, List.of());

    leases.leave("node-a");

    assertNull(rows.one("SELECT lease_owner FROM bot WHERE account_id = ?", running));
    assertEquals("RUNNING", rows.text("SELECT status FROM bot WHERE account_id = ?", running));
    assertEquals("STOPPED", rows.text("SELECT status FROM bot WHERE account_id = ?", stopping));
    assertFalse(leases.otherNodesAlive("node-b", Duration.ofSeconds(10)));
  }
}
