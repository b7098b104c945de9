package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcSessionPenaltiesTest extends DatabaseTest {

  private final JdbcSessionPenalties penalties =
      new JdbcSessionPenalties(TestDatabase.dataSource());

  private static final String ASSIGNED_ACCOUNT =
      "SELECT assigned_account_id FROM telegram_session WHERE id = ?";

  /** An active account whose bot is running: the one the sessions below post for. */
  private long runningBot() {
    return rows.bot(rows.account("ACTIVE", null), "RUNNING", Instant.now(), "@herald_one");
  }

  /** A running bot's account, the session it posts with and an unused one of the same API pair. */
  private record Posting(long account, long session, long spare) {}

  private Posting aBotWithASpareSession() {
    long account = runningBot();
    long pair = rows.apiPair(2);
    long session = rows.session(pair, "ASSIGNED", account, null);
    return new Posting(account, session, rows.session(pair, "UNUSED", null, null));
  }

  private long activity(long account, String event) {
    return rows.count(
        "SELECT count(*) FROM activity_log WHERE account_id = ? AND event = ?", account, event);
  }

  @Test
  void aBannedSessionIsReplacedFromThePoolAndBothAreLogged() {
    Posting posting = aBotWithASpareSession();
    long account = posting.account();
    long banned = posting.session();
    long free = posting.spare();

    Optional<Long> replacement = penalties.banAndReplace(account, banned, "USER_DEACTIVATED");

    assertEquals(Optional.of(free), replacement);
    assertEquals("BANNED", state(banned));
    assertNull(rows.one(ASSIGNED_ACCOUNT, banned));
    assertEquals(account, rows.count(ASSIGNED_ACCOUNT, free));
    assertEquals(1, activity(account, "SESSION_BANNED"));
    assertEquals(1, activity(account, "SESSION_REPLACED"));
  }

  @Test
  void withNoFreeSessionTheBotIsMarkedIdle() {
    long account = runningBot();
    long pair = rows.apiPair(1); // full: its one slot is the banned session's, then nothing free
    long banned = rows.session(pair, "ASSIGNED", account, null);

    assertEquals(Optional.empty(), penalties.banAndReplace(account, banned, "ADMIN"));

    assertEquals(1, activity(account, "SESSION_BANNED"));
    assertEquals(0, activity(account, "SESSION_REPLACED"));
    assertTrue(
        rows.text("SELECT last_error_reason FROM bot WHERE account_id = ?", account)
            .startsWith("No usable session left"));
  }

  @Test
  void aSessionBannedAfterItLeftAnAccountHoldingItsPlansSessionsBringsNoReplacement() {
    // Its post was in flight when a lowered plan or an admin released it; Telegram then banned it.
    long account = runningBot(); // max_sessions 3
    long pair = rows.apiPair(7);
    for (int i = 0; i < 3; i++) {
      rows.session(pair, "ASSIGNED", account, null);
    }
    long released = rows.session(pair, "UNUSED", null, null);
    long spare = rows.session(pair, "UNUSED", null, null);

    assertEquals(Optional.empty(), penalties.banAndReplace(account, released, "USER_DEACTIVATED"));

    assertEquals("BANNED", state(released));
    assertEquals("UNUSED", state(spare), "the account holds its plan's three sessions already");
    assertEquals(0, activity(account, "SESSION_REPLACED"));
    assertNull(rows.one("SELECT last_error_reason FROM bot WHERE account_id = ?", account));
  }

  @Test
  void anUnusedSessionOfAFullApiPairIsNoReplacement() {
    long account = runningBot();
    long other = rows.account("ACTIVE", null);
    long full = rows.apiPair(1);
    rows.session(full, "ASSIGNED", other, null);
    rows.session(full, "UNUSED", null, null);
    long banned = rows.session(rows.apiPair(1), "ASSIGNED", account, null);

    assertEquals(Optional.empty(), penalties.banAndReplace(account, banned, "ADMIN"));
  }

  @Test
  void aCoolDownSetsTheFloodWaitAndIsLogged() {
    long account = runningBot();
    long session = rows.session(rows.apiPair(2), "ASSIGNED", account, null);
    Instant until = Instant.now().plus(Duration.ofMinutes(3));

    penalties.coolDownSession(account, session, until, "FLOOD_WAIT");

    Timestamp stored =
        (Timestamp) rows.one("SELECT flood_wait_until FROM telegram_session WHERE id = ?", session);
    assertEquals(until.toEpochMilli() / 1000, stored.toInstant().toEpochMilli() / 1000);
    assertEquals(1, activity(account, "FLOOD_WAIT"));
  }

  @Test
  void anUnavailableSessionIsParkedWithItsAccountNotBannedAndLiftedAfterItsBackOff()
      throws Exception {
    Posting posting = aBotWithASpareSession();
    long account = posting.account();
    long session = posting.session();
    long free = posting.spare();

    penalties.parkUnavailable(
        account, session, Instant.now().plusSeconds(60), "session is not open on this node");

    assertEquals("UNAVAILABLE", state(session));
    assertEquals(
        "session is not open on this node",
        rows.text("SELECT state_reason FROM telegram_session WHERE id = ?", session));
    assertEquals(account, rows.count(ASSIGNED_ACCOUNT, session), "it keeps its account");
    assertEquals("UNUSED", state(free), "no replacement for a passing state");
    assertEquals(0, activity(account, "SESSION_BANNED"));
    assertEquals(1, activity(account, "SESSION_PARKED"));
    JdbcHousekeeping housekeeping = new JdbcHousekeeping(TestDatabase.dataSource());
    assertEquals(0, housekeeping.liftUnavailable(), "not before its back-off is over");

    rows.update(
        "UPDATE telegram_session SET flood_wait_until = now() - interval '1 second' WHERE id = ?",
        session);

    // A row another transaction holds (a plan change taking sessions off the account) is left to
    // the next sweep: the sweep neither waits for it nor deadlocks with it.
    try (Connection other = TestDatabase.dataSource().getConnection();
        PreparedStatement lock =
            other.prepareStatement(
                "SELECT 1 FROM telegram_session WHERE id = ? FOR NO KEY UPDATE")) {
      other.setAutoCommit(false);
      lock.setLong(1, session);
      lock.executeQuery().close();
      assertEquals(
          0,
          assertTimeoutPreemptively(Duration.ofSeconds(10), housekeeping::liftUnavailable),
          "skipped while another holds it");
      other.rollback();
    }

    assertEquals(1, housekeeping.liftUnavailable());
    assertEquals("ASSIGNED", state(session));
  }

  @Test
  void aSessionThatNeedsALoginLeavesItsAccountUnbannedAndIsReplaced() {
    Posting posting = aBotWithASpareSession();
    long account = posting.account();
    long session = posting.session();
    long free = posting.spare();

    Optional<Long> replacement =
        penalties.parkNeedsLoginAndReplace(account, session, "authorizationStateWaitCode");

    assertEquals(Optional.of(free), replacement);
    assertEquals("NEEDS_LOGIN", state(session));
    assertNull(rows.one("SELECT ban_reason FROM telegram_session WHERE id = ?", session));
    assertNull(rows.one(ASSIGNED_ACCOUNT, session));
    assertEquals(0, activity(account, "SESSION_BANNED"));
    assertEquals(1, activity(account, "SESSION_PARKED"));
    assertEquals(1, activity(account, "SESSION_REPLACED"));
  }

  @Test
  void aSessionThatNeedsALoginWithNoSpareLeavesTheBotIdleOnlyWhenNoUsableSessionIsLeft() {
    long account = runningBot();
    long pair = rows.apiPair(2);
    long first = rows.session(pair, "ASSIGNED", account, null);
    long second = rows.session(pair, "ASSIGNED", account, null);
    String reason = "SELECT last_error_reason FROM bot WHERE account_id = ?";

    assertEquals(Optional.empty(), penalties.parkNeedsLoginAndReplace(account, first, "x"));
    assertNull(rows.one(reason, account), "the other session still sends");

    assertEquals(Optional.empty(), penalties.parkNeedsLoginAndReplace(account, second, "x"));
    assertTrue(rows.text(reason, account).contains("needs a new login"));
  }

  @Test
  void aBannedSessionStaysBannedWhenItsOtherClientIsToldToLogInAgain() {
    Posting posting = aBotWithASpareSession();
    long account = posting.account();
    long session = posting.session();
    penalties.banAndReplace(account, session, "AUTH_KEY_UNREGISTERED");

    Optional<Long> replacement =
        penalties.parkNeedsLoginAndReplace(account, session, "AUTH_KEY_DUPLICATED");

    assertEquals(Optional.empty(), replacement, "the ban replaced it already");
    assertEquals("BANNED", state(session));
    assertEquals(0, activity(account, "SESSION_PARKED"));
    assertEquals(1, activity(account, "SESSION_REPLACED"));
  }

  @Test
  void aSessionAnAdminReleasesIsReplacedByAnotherAndGoesBackToThePool() {
    Posting posting = aBotWithASpareSession();
    long account = posting.account();

    Optional<Long> replacement =
        penalties.releaseAndReplace(account, posting.session(), "RELEASED");

    assertEquals(Optional.of(posting.spare()), replacement, "never itself");
    assertEquals("UNUSED", state(posting.session()));
    assertNull(rows.one(ASSIGNED_ACCOUNT, posting.session()));
    assertEquals(account, rows.count(ASSIGNED_ACCOUNT, posting.spare()));
    assertEquals(
        1,
        rows.count(
            "SELECT count(*) FROM activity_log WHERE account_id = ? AND event ="
                + " 'SESSION_REPLACED' AND reason_code = 'RELEASED'",
            account));
  }

  @Test
  void aReleaseWithNoSpareLeavesTheBotIdleOnlyWhenNoUsableSessionIsLeft() {
    long account = runningBot();
    long pair = rows.apiPair(2);
    long first = rows.session(pair, "ASSIGNED", account, null);
    long second = rows.session(pair, "ASSIGNED", account, null);
    String reason = "SELECT last_error_reason FROM bot WHERE account_id = ?";

    assertEquals(Optional.empty(), penalties.releaseAndReplace(account, first, "RELEASED"));
    assertNull(rows.one(reason, account), "the other session still sends");
    assertEquals(
        Optional.of(first),
        penalties.releaseAndReplace(account, second, "DELETED"),
        "the first, back in the pool, replaces the second");
  }

  @Test
  void aReleaseOfTheLastUsableSessionLeavesTheBotIdleSayingWhy() {
    String reason = "SELECT last_error_reason FROM bot WHERE account_id = ?";
    long lone = runningBot();
    long only = rows.session(rows.apiPair(1), "ASSIGNED", lone, null);
    assertEquals(Optional.empty(), penalties.releaseAndReplace(lone, only, "RELEASED"));
    assertTrue(rows.text(reason, lone).contains("an admin took session " + only));
  }

  private String state(long session) {
    return rows.text("SELECT state FROM telegram_session WHERE id = ?", session);
  }
}
