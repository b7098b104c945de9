package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.session.LoginStepMailbox.AskedStep;
import dev.herald.domain.session.LoginStepMailbox.Kind;
import dev.herald.domain.session.SessionLoginGateway.LoginProgress;
import dev.herald.domain.shared.crypto.DataCipher;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login-step mailbox on PostgreSQL: a step is left only for a session another node holds, taken
 * once by its holder (the secret sealed until then and gone after), and its answer read once.
 */
class JdbcLoginStepMailboxTest extends DatabaseTest {

  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration ASKED_WITHIN = Duration.ofSeconds(10);

  private final JdbcLoginStepMailbox mailbox =
      new JdbcLoginStepMailbox(TestDatabase.dataSource(), DataCipher.of(key()));
  private final JdbcSessionLeases leases = new JdbcSessionLeases(TestDatabase.dataSource());
  private long session;

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @BeforeEach
  void aSessionWhoseLoginNodeAHolds() {
    session = rows.session(rows.apiPair(10), "UNUSED", null, null);
    assertTrue(leases.acquire(session, "node-a", LEASE));
  }

  @Test
  void aCodeAskedOnAnotherNodeIsTakenOnceByTheHolderAndAnsweredOnce() {
    long step = mailbox.post(session, "node-b", Kind.CODE, "12345").orElseThrow();
    String stored = rows.text("SELECT secret FROM session_login_step WHERE id = ?", step);
    assertFalse(stored.contains("12345"), "sealed: " + stored);

    assertEquals(
        List.of(new AskedStep(step, session, Kind.CODE, "12345")),
        mailbox.take("node-a", List.of(session), ASKED_WITHIN));
    assertNull(
        rows.one("SELECT secret FROM session_login_step WHERE id = ?", step), "gone once taken");
    assertEquals(List.of(), mailbox.take("node-a", List.of(session), ASKED_WITHIN), "taken once");
    assertEquals(Optional.empty(), mailbox.answerOf(step), "not answered yet");

    LoginProgress ready = LoginProgress.ready();
    mailbox.answer(step, ready);
    assertEquals(Optional.of(ready), mailbox.answerOf(step));
    assertEquals(Optional.empty(), mailbox.answerOf(step), "read once");
    assertEquals(0, rows.count("SELECT count(*) FROM session_login_step"));
  }

  @Test
  void noStepIsLeftWhenNoOtherNodeHoldsTheSession() {
    assertEquals(OptionalLong.empty(), mailbox.post(session, "node-a", Kind.CODE, "1"), "its own");
    rows.update("UPDATE session_lease SET lease_until = now() - interval '1 second'");
    assertEquals(OptionalLong.empty(), mailbox.post(session, "node-b", Kind.CODE, "1"), "ran out");
    leases.release(session, "node-a");
    assertEquals(OptionalLong.empty(), mailbox.post(session, "node-b", Kind.RESEND, ""), "none");
    assertEquals(0, rows.count("SELECT count(*) FROM session_login_step"));
  }

  @Test
  void theHolderTakesOnlyTheStepsOfItsOwnSessions() {
    long other = rows.session(rows.apiPair(10), "UNUSED", null, null);
    assertTrue(leases.acquire(other, "node-c", LEASE));
    long mine = mailbox.post(session, "node-b", Kind.RESEND, "").orElseThrow();
    mailbox.post(other, "node-b", Kind.PASSWORD, "secret").orElseThrow();

    assertEquals(
        List.of(new AskedStep(mine, session, Kind.RESEND, "")),
        mailbox.take("node-a", List.of(session), ASKED_WITHIN));
    assertEquals(1, rows.count("SELECT count(*) FROM session_login_step WHERE taken_by IS NULL"));
  }

  @Test
  void aStepTakenIsNotForgottenAndAnOldOneIsNotTaken() {
    long taken = mailbox.post(session, "node-b", Kind.CODE, "1").orElseThrow();
    assertEquals(1, mailbox.take("node-a", List.of(session), ASKED_WITHIN).size());
    assertFalse(mailbox.forget(taken), "it runs on node-a: its asker is told so");

    long old = mailbox.post(session, "node-b", Kind.START, "+4470").orElseThrow();
    rows.update(
        "UPDATE session_login_step SET asked_at = now() - interval '11 seconds' WHERE id = ?", old);
    assertEquals(List.of(), mailbox.take("node-a", List.of(session), ASKED_WITHIN), "too old");
  }

  @Test
  void aStepWhoseAskerStoppedWaitingIsForgottenAndOneNobodyReadGoesAfterTenMinutes() {
    long forgotten = mailbox.post(session, "node-b", Kind.CODE, "1").orElseThrow();
    assertTrue(mailbox.forget(forgotten), "not taken: forgotten");
    long abandoned = mailbox.post(session, "node-b", Kind.CODE, "2").orElseThrow();
    rows.update(
        "UPDATE session_login_step SET asked_at = now() - interval '11 minutes' WHERE id = ?",
        abandoned);

    long next = mailbox.post(session, "node-b", Kind.CODE, "3").orElseThrow();

    assertEquals(
        List.<Object>of(next),
        rows.column("SELECT id FROM session_login_step ORDER BY id"),
        "only the new");
  }
}
