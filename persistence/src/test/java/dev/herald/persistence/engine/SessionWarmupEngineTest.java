package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.engine.DeliveryLedger.Begin;
import dev.herald.domain.engine.DeliveryLedger.Finished;
import dev.herald.domain.engine.DeliveryStart;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Warm-up in the engine's own statements (V71): the deliveries a warming session starts are counted
 * per hour in PostgreSQL, and once they reach the budget of its age day the claim deals it to no
 * cycle until the hour is over; until then the claim tells the cycle how many posts the session may
 * still start. The clock is PostgreSQL's {@code now()}: the test moves the counted hour back by
 * hand, which is what the passing of an hour looks like to the rows.
 */
class SessionWarmupEngineTest extends DatabaseTest {

  private static final String NODE = "node-a";

  private final JdbcLeaseStore leases = new JdbcLeaseStore(TestDatabase.dataSource());
  private final JdbcDeliveryLedger ledger = new JdbcDeliveryLedger(TestDatabase.dataSource());
  private long account;
  private long session;
  private long seasoned;

  @BeforeEach
  void twoSessionsOneOfThemWarmingUp() {
    account = rows.account("ACTIVE", null);
    rows.bot(account, "RUNNING", Instant.now(), "@herald_one");
    long pair = rows.apiPair(10);
    session = rows.session(pair, "ASSIGNED", account, null);
    seasoned = rows.session(pair, "ASSIGNED", account, null);
    // Day 1 of its warm-up: 2 posts an hour (day 2: 5; then no limit).
    rows.update(
        "INSERT INTO session_warmup (session_id, started_at, budgets) VALUES (?, now() -"
            + " interval '3 hours', '{2,5}')",
        session);
  }

  @Test
  void aDayOneSessionStopsAtItsBudgetAndResumesTheNextHour() {
    assertEquals(List.of(session, seasoned), claim().sessionIds());
    assertEquals(Map.of(session, 2), claim().sessionPostsLeft(), "the seasoned one has no limit");
    post(session, 1);
    assertEquals(List.of(session, seasoned), claim().sessionIds(), "1 of 2 posts used");
    assertEquals(Map.of(session, 1), claim().sessionPostsLeft(), "the cycle may start 1 more");
    post(session, 2);

    assertEquals(List.of(seasoned), claim().sessionIds(), "its budget is used for this hour");
    assertEquals(2, rows.count("SELECT posts FROM session_warmup WHERE session_id = ?", session));

    // An hour later (the counted hour and the pause moved back by hand).
    rows.update(
        "UPDATE session_warmup SET hour = hour - interval '1 hour', paused_until = paused_until -"
            + " interval '1 hour' WHERE session_id = ?",
        session);
    assertEquals(List.of(session, seasoned), claim().sessionIds(), "a new hour, a new budget");
    assertEquals(Map.of(session, 2), claim().sessionPostsLeft());
    post(session, 3);
    assertEquals(1, rows.count("SELECT posts FROM session_warmup WHERE session_id = ?", session));
  }

  @Test
  void theBudgetGrowsWithTheSessionsAgeAndEndsAfterItsLastDay() {
    rows.update(
        "UPDATE session_warmup SET started_at = now() - interval '1 day 1 hour' WHERE session_id ="
            + " ?",
        session);
    for (int i = 1; i <= 4; i++) {
      post(session, i);
    }
    assertEquals(List.of(session, seasoned), claim().sessionIds(), "day 2: 4 of 5 posts");
    assertEquals(Map.of(session, 1), claim().sessionPostsLeft());
    post(session, 5);
    assertEquals(List.of(seasoned), claim().sessionIds());

    rows.update(
        "UPDATE session_warmup SET started_at = now() - interval '2 days 1 hour', paused_until ="
            + " NULL WHERE session_id = ?",
        session);
    for (int i = 6; i <= 20; i++) {
      post(session, i);
    }
    assertEquals(List.of(session, seasoned), claim().sessionIds(), "day 3: warm-up is over");
    assertEquals(Map.of(), claim().sessionPostsLeft());
  }

  @Test
  void sessionsWithoutAWarmUpAreNeverCountedOrPaused() {
    for (int i = 1; i <= 10; i++) {
      post(seasoned, i);
    }
    assertEquals(List.of(session, seasoned), claim().sessionIds());
    assertEquals(
        0, rows.count("SELECT count(*) FROM session_warmup WHERE session_id = ?", seasoned));
  }

  /**
   * A post Telegram refused to another sender, reopened for the warming session (V96), is a post
   * the session starts: it counts against its budget like a new one.
   */
  @Test
  void aPostReopenedForAWarmingSessionCountsAgainstItsBudget() {
    refusedToTheSeasonedSession(new SendOutcome.FloodWait(Duration.ofSeconds(60)));
    post(session, 1);

    // The same cycle, claimed again (post claims it), so under its latest lease.
    ledger.beginDeliveries(
        NODE, List.of(new Begin(claim(), "@herald_one", Sender.session(session))));

    assertEquals(
        "SESSION " + session,
        rows.text(
            "SELECT sender_kind || ' ' || sender_id FROM delivery_record WHERE chat_ref ="
                + " '@herald_one'"),
        "reopened for the warming session");
    assertEquals(2, rows.count("SELECT posts FROM session_warmup WHERE session_id = ?", session));
    assertEquals(List.of(seasoned), claim().sessionIds(), "its budget of 2 is used");
  }

  /**
   * The count runs after the begin committed its records: should it fail, the reopened post is
   * still sent, never left SENDING for good.
   */
  @Test
  void aReopenedPostIsSentEvenWhenItsWarmupCountFails() {
    DueCycle cycle = refusedToTheSeasonedSession(new SendOutcome.SenderBanned("x"));
    rows.update("ALTER FUNCTION session_warmup_add(bigint[]) RENAME TO session_warmup_add_away");
    try {
      assertEquals(
          List.of(DeliveryStart.SEND),
          ledger.beginDeliveries(
              NODE, List.of(new Begin(cycle, "@herald_one", Sender.session(session)))));
    } finally {
      rows.update("ALTER FUNCTION session_warmup_add_away(bigint[]) RENAME TO session_warmup_add");
    }
  }

  /** A cycle whose post to @herald_one Telegram refused to the seasoned session. */
  private DueCycle refusedToTheSeasonedSession(SendOutcome refusal) {
    DueCycle cycle = claim();
    ledger.beginDeliveries(
        NODE, List.of(new Begin(cycle, "@herald_one", Sender.session(seasoned))));
    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(new Finished(cycle, "@herald_one", refusal, Instant.now())),
        List.of());
    return cycle;
  }

  /** Claims the bot's cycle and releases it again, as a finished cycle would. */
  private DueCycle claim() {
    rows.update(
        "UPDATE bot SET lease_owner = NULL, lease_until = NULL WHERE account_id = ?", account);
    List<DueCycle> cycles = leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1);
    assertEquals(1, cycles.size());
    return cycles.get(0);
  }

  /** The engine starts a delivery by {@code sender} (a new chat each time: one post per chat). */
  private void post(long sender, int n) {
    DueCycle cycle = claim();
    ledger.beginDeliveries(
        NODE, List.of(new Begin(cycle, "@herald_chat_" + n, Sender.session(sender))));
  }
}
