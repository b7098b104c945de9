package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.engine.Census;
import dev.herald.domain.session.SessionState;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JdbcCensusReadsTest extends DatabaseTest {

  private final JdbcCensusReads census = new JdbcCensusReads(TestDatabase.dataSource());
  private final Instant now = Instant.now();

  @Test
  void countsThePoolByStateAndTheRunningBotsNoNodeKeepsUpWith() {
    long pair = rows.apiPair(7);
    long tenant = rows.account("ACTIVE", null);
    rows.session(pair, "UNUSED", null, null);
    rows.session(pair, "UNUSED", null, null);
    rows.session(pair, "ASSIGNED", tenant, null);
    rows.session(pair, "BANNED", null, null);
    rows.bot(tenant, "RUNNING", now.minusSeconds(5), "@herald_a"); // due, within the allowance
    long overdue = rows.bot(rows.account("ACTIVE", null), "RUNNING", now.minusSeconds(60), "@a");
    long inFlight = rows.bot(rows.account("ACTIVE", null), "RUNNING", now.minusSeconds(600), "@a");
    rows.lease(inFlight, "node-a", now.plusSeconds(6)); // a long cycle, leased
    rows.bot(rows.account("ACTIVE", null), "STOPPED", now.minusSeconds(600), "@herald_a");

    Census counted = census.count(Duration.ofSeconds(30));

    assertEquals(2, counted.sessions(SessionState.UNUSED));
    assertEquals(1, counted.sessions(SessionState.ASSIGNED));
    assertEquals(1, counted.sessions(SessionState.BANNED));
    assertEquals(0, counted.sessions(SessionState.NEEDS_LOGIN), "every state, 0 when none");
    assertEquals(3, counted.runningBots());
    assertEquals(1, counted.overdueBots(), "bot " + overdue + " only");
    rows.lease(overdue, "node-b", now.minusSeconds(1)); // a dead node's lease ran out
    assertEquals(1, census.count(Duration.ofSeconds(30)).overdueBots());
  }
}
