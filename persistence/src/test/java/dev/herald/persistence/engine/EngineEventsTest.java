package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryLedger.Begin;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DeliveryLedger.Finished;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The live events' announcements (V35, V55): the engine's flush announces its own changes once per
 * kind, every other writer through the row triggers, and bookkeeping that GET /bot/state does not
 * show announces nothing.
 */
class EngineEventsTest extends DatabaseTest {

  private static final String NODE = "node-a";

  private final JdbcLeaseStore leases = new JdbcLeaseStore(TestDatabase.dataSource());
  private final JdbcDeliveryLedger ledger = new JdbcDeliveryLedger(TestDatabase.dataSource());
  private Connection listening;

  @BeforeEach
  void listen() throws SQLException {
    rows.update("TRUNCATE delivery_event, event_listener");
    listening = TestDatabase.dataSource().getConnection();
    try (Statement s = listening.createStatement()) {
      s.execute("LISTEN herald_events");
    }
  }

  @AfterEach
  void close() throws SQLException {
    listening.close();
  }

  private void someNodeListens() {
    rows.update(
        "INSERT INTO event_listener (node_id, listening_until) VALUES ('n', now() + interval '1"
            + " minute')");
  }

  /** The announcements received so far, sorted. */
  private Set<String> announced() throws SQLException {
    try (Statement s = listening.createStatement()) {
      s.execute("SELECT 1"); // a round trip delivers what is pending
    }
    Set<String> payloads = new TreeSet<>();
    PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications();
    if (notifications != null) {
      for (PGNotification n : notifications) {
        payloads.add(n.getParameter());
      }
    }
    return payloads;
  }

  private DueCycle claimed() {
    rows.bot(rows.account("ACTIVE", null), "RUNNING", Instant.now(), "@herald_one");
    List<DueCycle> cycles = leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1);
    return cycles.get(0);
  }

  private void postAndComplete(List<DueCycle> cycles) {
    List<Finished> finished = new ArrayList<>();
    List<Completed> completed = new ArrayList<>();
    Instant at = Instant.now();
    for (DueCycle cycle : cycles) {
      ledger.beginDeliveries(NODE, List.of(new Begin(cycle, "@herald_one", Sender.session(1))));
      finished.add(new Finished(cycle, "@herald_one", new SendOutcome.Delivered(1), at));
      completed.add(new Completed(cycle, at.plusSeconds(60), new CycleTally(1, 1, 0, 0)));
    }
    ledger.flush(NODE, TestFlushes.next(), finished, completed);
  }

  @Test
  void aFlushAnnouncesEachKindOnceForAllItsAccounts() throws SQLException {
    DueCycle one = claimed();
    DueCycle two = claimed();
    someNodeListens();
    announced();

    postAndComplete(List.of(one, two));

    String ids = one.accountId() + "," + two.accountId();
    assertEquals(Set.of("delivery:" + ids, "log:" + ids, "state:" + ids), announced());
    assertEquals(
        2, rows.count("SELECT count(*) FROM delivery_event"), "a cursor row per finished post");
  }

  @Test
  void withoutListenersNothingIsAnnouncedButTheCursorRowsAreWritten() throws SQLException {
    DueCycle cycle = claimed();

    postAndComplete(List.of(cycle));

    assertEquals(Set.of(), announced());
    assertEquals(
        1,
        rows.count(
            "SELECT count(*) FROM delivery_event e JOIN delivery_record d ON d.id = e.delivery_id"
                + " WHERE e.account_id = ? AND d.outcome = 'DELIVERED'",
            cycle.accountId()));
  }

  @Test
  void otherWritersAnnounceWhatTheStateShowsAndBookkeepingAnnouncesNothing() throws SQLException {
    DueCycle cycle = claimed(); // the claim changed only the lease
    long account = cycle.accountId();
    someNodeListens();
    assertEquals(Set.of(), announced());

    rows.update(
        "UPDATE bot SET lease_until = now() + interval '1 minute' WHERE account_id = ?", account);
    assertEquals(Set.of(), announced(), "a lease extension is not a state change");

    rows.update("UPDATE bot SET status = 'STOPPED' WHERE account_id = ?", account);
    assertEquals(Set.of("state:" + account), announced());

    rows.update(
        "INSERT INTO activity_log (account_id, event, message, created_at) VALUES (?,"
            + " 'AUTO_STOPPED', 'stopped', now())",
        account);
    assertEquals(Set.of("log:" + account), announced());
  }

  /**
   * V92: a change in any row GET /bot/state reads announces the account (both accounts when a
   * session moves), and bookkeeping in those rows announces nothing.
   */
  @Test
  void everyRowTheStateReadsAnnouncesItsAccount() throws SQLException {
    long account = rows.bot(rows.account("ACTIVE", null), "STOPPED", null, "@herald_one");
    long other = rows.account("ACTIVE", null);
    long pair = rows.apiPair(10);
    long session = rows.session(pair, "ASSIGNED", account, null);
    someNodeListens();
    announced();
    String state = "state:" + account;

    rows.update("UPDATE account SET max_groups = 7 WHERE id = ?", account);
    assertEquals(Set.of(state), announced(), "the plan's limits");
    rows.update("UPDATE account SET plan_updated_at = now() WHERE id = ?", account);
    assertEquals(Set.of(), announced(), "an account change the state does not show");

    rows.update("UPDATE bot SET delay_between_posts_s = 42 WHERE account_id = ?", account);
    assertEquals(Set.of(state), announced(), "the bot's delays");
    rows.update(
        "INSERT INTO bot_target_group (account_id, position, chat_ref) VALUES (?, 9,"
            + " '@herald_two')",
        account);
    assertEquals(Set.of(state), announced(), "a target group");

    rows.update(
        "UPDATE telegram_session SET flood_wait_until = now() + interval '1 minute' WHERE id = ?",
        session);
    assertEquals(Set.of(state), announced(), "a session cooling down");
    rows.update("UPDATE telegram_session SET updated_at = now() WHERE id = ?", session);
    assertEquals(Set.of(), announced(), "session bookkeeping");
    rows.update("UPDATE telegram_session SET assigned_account_id = ? WHERE id = ?", other, session);
    assertEquals(Set.of(state, "state:" + other), announced(), "a session moved: both accounts");

    rows.update(
        "INSERT INTO user_bot (account_id, token_encrypted, token_masked, status, rate_limit_rps,"
            + " max_concurrent_requests, created_at, updated_at) VALUES (?, 'x', '12:***',"
            + " 'PENDING', 30, 10, now(), now())",
        account);
    assertEquals(Set.of(state), announced(), "a user bot added");
    rows.update(
        "UPDATE user_bot SET total_requests = total_requests + 1 WHERE account_id = ?", account);
    assertEquals(Set.of(), announced(), "a user bot's request count");
    rows.update("UPDATE user_bot SET verified = true WHERE account_id = ?", account);
    assertEquals(Set.of(state), announced(), "a user bot verified");
  }
}
