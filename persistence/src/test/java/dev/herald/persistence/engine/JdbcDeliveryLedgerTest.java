package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.engine.CycleSummary;
import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryLedger.Begin;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DeliveryLedger.Finished;
import dev.herald.domain.engine.DeliveryLedger.FlushId;
import dev.herald.domain.engine.DeliveryStart;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.EngineStoreException;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import dev.herald.persistence.bot.BotSql;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcDeliveryLedgerTest extends DatabaseTest {

  private static final String NODE = "node-a";

  private final JdbcLeaseStore leases = new JdbcLeaseStore(TestDatabase.dataSource());
  private final JdbcDeliveryLedger ledger = new JdbcDeliveryLedger(TestDatabase.dataSource());

  /** A bot with its plan, claimed by {@link #NODE}: the cycle as the engine gets it. */
  private DueCycle claimed(String planStatus, Instant planExpires) {
    return claimed(planStatus, planExpires, "@herald_one,@herald_two");
  }

  /** A bot with an active plan posting to {@code groups}, claimed by {@link #NODE}. */
  private DueCycle claimed(String groups) {
    return claimed("ACTIVE", null, groups);
  }

  private DueCycle claimed(String planStatus, Instant planExpires, String groups) {
    rows.bot(rows.account(planStatus, planExpires), "RUNNING", Instant.now(), groups);
    List<DueCycle> cycles = leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1);
    assertEquals(1, cycles.size());
    return cycles.get(0);
  }

  /** The bot's lease runs out: its node crashed, or an outage kept the heartbeat from it. */
  private void leaseRunsOut(long account) {
    rows.update(
        "UPDATE bot SET lease_until = now() - interval '1 second' WHERE account_id = ?", account);
  }

  private DeliveryStart begin(String node, DueCycle cycle, String chat) {
    return ledger.beginDeliveries(node, List.of(new Begin(cycle, chat, Sender.session(1)))).get(0);
  }

  @Test
  void aPostIsStartedOncePerCycleAndChat() {
    DueCycle cycle = claimed("ACTIVE", null);

    List<DeliveryStart> starts =
        ledger.beginDeliveries(
            NODE,
            List.of(
                new Begin(cycle, "@herald_one", Sender.session(1)),
                new Begin(cycle, "@herald_one", Sender.session(2)),
                new Begin(cycle, "@herald_two", Sender.session(1))));

    assertEquals(
        List.of(DeliveryStart.SEND, DeliveryStart.ALREADY_ATTEMPTED, DeliveryStart.SEND), starts);
    assertEquals(DeliveryStart.ALREADY_ATTEMPTED, begin(NODE, cycle, "@herald_two"));
    assertEquals(
        1L,
        rows.count(
            "SELECT sender_id FROM delivery_record WHERE account_id = ? AND chat_ref ="
                + " '@herald_one'",
            cycle.accountId()),
        "the record names the sender that was told to send");
    assertEquals(
        2,
        rows.count(
            "SELECT count(*) FROM delivery_record WHERE account_id = ? AND outcome = 'SENDING'",
            cycle.accountId()));
  }

  @Test
  void nothingStartsWithoutTheLeaseOrOnceTheBotStopped() {
    DueCycle cycle = claimed("ACTIVE", null);
    assertEquals(DeliveryStart.BOT_NOT_RUNNING, begin("node-b", cycle, "@herald_one"));
    rows.update("UPDATE bot SET status = 'STOPPING' WHERE account_id = ?", cycle.accountId());
    assertEquals(DeliveryStart.BOT_NOT_RUNNING, begin(NODE, cycle, "@herald_one"));
    assertEquals(0, rows.count("SELECT count(*) FROM delivery_record"));
  }

  @Test
  void anExpiredPlanNeverPosts() {
    DueCycle cycle = claimed("ACTIVE", Instant.now().plusSeconds(3600));
    rows.update(
        "UPDATE account SET plan_expires_at = now() - interval '1 second' WHERE id = ?",
        cycle.accountId());
    assertEquals(DeliveryStart.BOT_NOT_RUNNING, begin(NODE, cycle, "@herald_one"));
  }

  /**
   * SPEC rule 18: a plan change marks the leased bot (BotSql.OUTDATE_RUNNING_CYCLE); its next post
   * writes no record and says so, the run hands the cycle back (same id, due now, its attempts
   * counted for the day, no entry of its own), and the claim that takes it again reads the new
   * plan, clears the mark and continues the cycle, the chat already attempted never sent again.
   */
  @Test
  void aCycleWhosePlanChangedIsHandedBackAndContinuedUnderTheNewPlan() {
    DueCycle cycle = claimed("@herald_one,@herald_two,@herald_three");
    long account = cycle.accountId();
    assertEquals(3, cycle.groups().size());
    assertEquals(DeliveryStart.SEND, begin(NODE, cycle, "@herald_one"));

    rows.update("UPDATE account SET max_groups = 2 WHERE id = ?", account);
    rows.update(BotSql.OUTDATE_RUNNING_CYCLE, account);
    assertEquals(DeliveryStart.CYCLE_OUTDATED, begin(NODE, cycle, "@herald_three"));
    assertEquals(
        0,
        rows.count(
            "SELECT count(*) FROM delivery_record WHERE account_id = ? AND chat_ref ="
                + " '@herald_three'",
            account),
        "no record for a post of the outdated run");

    handBackAfterOneDelivery(cycle, "@herald_one");
    assertEquals(
        cycle.cycleId(),
        rows.count("SELECT cycle_id FROM bot WHERE account_id = ?", account),
        "handed back, not ended");
    assertEquals(1L, rows.count("SELECT posts_today FROM bot WHERE account_id = ?", account));
    assertEquals(0, rows.count("SELECT count(*) FROM activity_log WHERE account_id = ?", account));

    rows.update(BotSql.OUTDATE_RUNNING_CYCLE, account); // marked between cycles too: harmless
    DueCycle continued =
        leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1).get(0);
    assertEquals(cycle.cycleId(), continued.cycleId());
    assertTrue(continued.continued());
    assertEquals(
        List.of("@herald_one", "@herald_two"),
        continued.groups().stream().map(Object::toString).toList(),
        "the new plan's two groups");
    assertEquals(
        Set.of("@herald_one"), continued.attempted(), "the chat its records name, left out");
    assertEquals(Set.of(), continued.unavailableSenders(), "a delivery is not tried again");
    assertEquals(Set.of(), cycle.attempted(), "a first run attempted nothing");
    assertFalse(cycle.continued());
    assertEquals(DeliveryStart.ALREADY_ATTEMPTED, begin(NODE, continued, "@herald_one"));
    assertEquals(DeliveryStart.SEND, begin(NODE, continued, "@herald_two"));
  }

  /**
   * A post whose sender Telegram refused (a flood wait, a ban: {@link SendOutcome#SENDER_REFUSALS})
   * may be made by another sender in the same cycle: the continuation's claim deals its chat again,
   * and the ledger reopens its record for the new sender, once, keeping the first outcome. A record
   * still SENDING, DELIVERED (the tests above) or failed for its chat is final, and so is a park
   * that may come after TDLib took the message (the next test).
   */
  @Test
  void aRecordWhoseSenderSentNothingIsReopenedOnceForAnotherSender() {
    DueCycle continued =
        continuedAfter(
            new SendOutcome.FloodWait(Duration.ofSeconds(90)),
            new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN"));
    long account = continued.accountId();
    assertTrue(continued.continued());
    assertEquals(
        Set.of("@herald_two"), continued.attempted(), "the chat the flood wait met is dealt again");
    assertEquals(
        Set.of(),
        continued.unavailableSenders(),
        "a flood-waited session is left out of the claim until its wait ends, then may post it");
    assertEquals(
        1L,
        rows.count("SELECT posts_today FROM bot WHERE account_id = ?", account),
        "the daily cap counts the forbidden chat, not the flood wait: Telegram sent nothing");
    assertEquals(
        2L,
        rows.count("SELECT total_posts FROM bot_stats WHERE account_id = ?", account),
        "the statistics count both attempts");
    assertEquals(DeliveryStart.ALREADY_ATTEMPTED, begin(continued, "@herald_two", 2));
    assertEquals(DeliveryStart.SEND, begin(continued, "@herald_one", 2));
    String record =
        "SELECT outcome || ' by ' || sender_id || ' after ' || retried_after FROM delivery_record"
            + " WHERE account_id = ? AND chat_ref = '@herald_one'";
    assertEquals("SENDING by 2 after FLOOD_WAIT", rows.text(record, account));

    // The second sender is banned there too: the chat is not tried a third time.
    handBack(
        continued,
        new Finished(
            continued,
            "@herald_one",
            new SendOutcome.SenderBanned("USER_DEACTIVATED_BAN"),
            Instant.now()));
    DueCycle third = leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1).get(0);
    assertEquals(Set.of("@herald_one", "@herald_two"), third.attempted());
    assertEquals(DeliveryStart.ALREADY_ATTEMPTED, begin(third, "@herald_one", 3));
    assertEquals("SENDER_BANNED by 2 after FLOOD_WAIT", rows.text(record, account));
    assertEquals(
        1, rows.count("SELECT count(*) FROM delivery_record WHERE chat_ref = '@herald_one'"));
  }

  /**
   * A park is reopened only when its session sent nothing (not open on this node: answered before
   * the message reached TDLib); a park that may come after TDLib took the message (its client
   * closed meanwhile) is final, like a record still SENDING: the message may have gone out (rule
   * 10).
   */
  @Test
  void aParkIsReopenedOnlyWhenItsSessionSentNothing() {
    DueCycle continued =
        continuedAfter(
            SendOutcome.SenderUnavailable.beforeSending("session 7 is not open on this node"),
            new SendOutcome.SenderUnavailable("the session's client was closed on this node"));
    long account = continued.accountId();
    assertEquals(
        Set.of("@herald_two"),
        continued.attempted(),
        "the chat whose session sent nothing is dealt again, not the one TDLib may have sent");
    assertEquals(
        Set.of(new TargetKey(account, Sender.Kind.SESSION, 7, "@herald_one")),
        continued.unavailableSenders(),
        "with the session not open on this node, for the engine to deal the chat to another");
    assertEquals(
        1L,
        rows.count("SELECT posts_today FROM bot WHERE account_id = ?", account),
        "the daily cap counts the park that may have posted only");
    assertEquals(DeliveryStart.ALREADY_ATTEMPTED, begin(continued, "@herald_two", 2));
    assertEquals(DeliveryStart.SEND, begin(continued, "@herald_one", 2));
    assertEquals(
        "SENDING by 2 after SENDER_UNAVAILABLE, retryable false",
        rows.text(
            "SELECT outcome || ' by ' || sender_id || ' after ' || retried_after || ', retryable '"
                + " || retryable FROM delivery_record WHERE account_id = ? AND chat_ref = ?",
            account,
            "@herald_one"),
        "reopened for the new sender, whose post is not known to have sent nothing");

    // Session 2 is unavailable too: the chat is not tried a third time, so no sender is steered.
    handBack(
        continued,
        new Finished(
            continued,
            "@herald_one",
            SendOutcome.SenderUnavailable.beforeSending("session 2 is not open on this node"),
            Instant.now()));
    DueCycle third = leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1).get(0);
    assertEquals(Set.of("@herald_one", "@herald_two"), third.attempted());
    assertEquals(Set.of(), third.unavailableSenders(), "no retry left");
  }

  /**
   * A continuation keeps the delay between posts from its cycle's latest post ({@code
   * DueCycle#firstPostsWait}): the claim says how long ago that post started, by the database's
   * clock, counting a record still SENDING (its outcome lost) and leaving out those whose sender
   * sent nothing.
   */
  @Test
  void theClaimOfAContinuationSaysHowLongAgoItsCyclesLatestPostStarted() {
    DueCycle cycle = claimed("ACTIVE", null);
    assertEquals(Optional.empty(), cycle.sinceLastPost(), "a first run");
    begin(cycle, "@herald_one", 7);
    begin(cycle, "@herald_two", 7);
    begin(cycle, "@herald_three", 7);
    rows.update(
        "UPDATE delivery_record SET started_at = now() - CASE chat_ref"
            + " WHEN '@herald_one' THEN interval '10 seconds'"
            + " WHEN '@herald_three' THEN interval '4 seconds'"
            + " ELSE interval '1 second' END WHERE account_id = ?",
        cycle.accountId());
    handBack(
        cycle,
        new Finished(cycle, "@herald_one", new SendOutcome.Delivered(1), Instant.now()),
        new Finished(
            cycle,
            "@herald_two",
            new SendOutcome.FloodWait(Duration.ofSeconds(90)),
            Instant.now()));

    DueCycle continued =
        leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1).get(0);
    Duration since = continued.sinceLastPost().orElseThrow();
    assertTrue(
        since.compareTo(Duration.ofSeconds(4)) >= 0 && since.compareTo(Duration.ofSeconds(9)) < 0,
        "the start of the post left SENDING, the latest one that may have been sent: " + since);
  }

  /**
   * A run that completes nothing (its node crashed, or its lease ran out in an outage) leaves its
   * posts to the continuation: the claim says how many no completion counted (a post left SENDING
   * may have been sent; one whose sender sent nothing is no post), the continuation's completion
   * adds them to the day's count with its own, and a cycle handed back remembers them as counted.
   */
  @Test
  void theContinuationCountsThePostsOfARunThatCompletedNothing() {
    DueCycle first = claimed("@herald_one,@herald_two,@herald_three");
    long account = first.accountId();
    assertEquals(0, first.dailyCap().uncounted(), "a first run");
    begin(first, "@herald_one", 7);
    begin(first, "@herald_two", 7);
    begin(first, "@herald_three", 7);
    Instant at = Instant.now();
    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(
            new Finished(first, "@herald_one", new SendOutcome.Delivered(1), at),
            new Finished(
                first, "@herald_three", new SendOutcome.SenderUnavailable("closed", true), at)),
        List.of());
    leaseRunsOut(account);

    DueCycle second =
        leases.claimDue("node-b", Duration.ofSeconds(1), Duration.ofSeconds(30), 1).get(0);
    assertEquals(
        2, second.dailyCap().uncounted(), "@herald_one delivered, @herald_two left SENDING");
    assertEquals(first.dailyCap().maxPerDay() - 2, second.dailyCap().postsLeft(today()));
    ledger.beginDeliveries(
        "node-b", List.of(new Begin(second, "@herald_three", Sender.session(8))));
    ledger.flush(
        "node-b",
        TestFlushes.next(),
        List.of(new Finished(second, "@herald_three", new SendOutcome.Delivered(2), at)),
        List.of(Completed.handedBack(second, at, new CycleTally(1, 1, 0, 0), today(), false)));
    assertEquals(
        3L,
        rows.count("SELECT posts_today FROM bot WHERE account_id = ?", account),
        "the first run's two posts and the second's");
    assertEquals(
        3L, rows.count("SELECT cycle_posts_counted FROM bot WHERE account_id = ?", account));

    DueCycle third = leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1).get(0);
    assertEquals(first.cycleId(), third.cycleId());
    assertEquals(0, third.dailyCap().uncounted(), "every post of the cycle is counted");
    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(),
        List.of(new Completed(third, at.plusSeconds(60), CycleTally.empty(), today(), null)));
    assertEquals(3L, rows.count("SELECT posts_today FROM bot WHERE account_id = ?", account));
    assertEquals(
        0L,
        rows.count("SELECT cycle_posts_counted FROM bot WHERE account_id = ?", account),
        "a new cycle has nothing counted");
  }

  /**
   * A cycle continued on a later day (its node restarted alone and stopped the bot, the tenant
   * started it again days later) charges today's cap only with the posts started today.
   */
  @Test
  void postsOfAnEarlierDayAreNotChargedToToday() {
    DueCycle first = claimed("ACTIVE", null);
    begin(first, "@herald_one", 7);
    begin(first, "@herald_two", 7);
    rows.update(
        "UPDATE delivery_record SET started_at = now() - interval '2 days' WHERE chat_ref ="
            + " '@herald_one'");
    leaseRunsOut(first.accountId());

    DueCycle continued =
        leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1).get(0);
    assertEquals(1, continued.dailyCap().uncounted(), "@herald_two's post, started today");
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /**
   * A cycle's first run posted @herald_one and @herald_two by session 7 with these outcomes and
   * handed the cycle back; its continuation, as the claim gives it.
   */
  private DueCycle continuedAfter(SendOutcome one, SendOutcome two) {
    DueCycle cycle = claimed("ACTIVE", null);
    begin(cycle, "@herald_one", 7);
    begin(cycle, "@herald_two", 7);
    handBack(
        cycle,
        new Finished(cycle, "@herald_one", one, Instant.now()),
        new Finished(cycle, "@herald_two", two, Instant.now()));
    return leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1).get(0);
  }

  private DeliveryStart begin(DueCycle cycle, String chat, long session) {
    return ledger
        .beginDeliveries(NODE, List.of(new Begin(cycle, chat, Sender.session(session))))
        .get(0);
  }

  /** The run's posts finished as given, and the run handed the cycle back, in one flush. */
  private void handBack(DueCycle cycle, Finished... posts) {
    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(posts),
        List.of(
            Completed.handedBack(
                cycle,
                Instant.now(),
                new CycleTally(
                    posts.length,
                    0,
                    posts.length,
                    0,
                    (int)
                        Stream.of(posts)
                            .filter(f -> f.outcome().retryableByAnotherSender())
                            .count()),
                today(),
                false)));
  }

  /** The run delivered to {@code chat}, then met a change of terms: one flush hands it back. */
  private void handBackAfterOneDelivery(DueCycle cycle, String chat) {
    Instant at = Instant.now();
    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(new Finished(cycle, chat, new SendOutcome.Delivered(7), at)),
        List.of(Completed.handedBack(cycle, at, new CycleTally(1, 1, 0, 0), today(), false)));
  }

  @Test
  void aCycleHandedBackToABotStoppedMeanwhileEndsWithItsEntry() {
    DueCycle cycle = claimed("ACTIVE", null);
    long account = cycle.accountId();
    begin(NODE, cycle, "@herald_one");
    rows.update("UPDATE bot SET status = 'STOPPING' WHERE account_id = ?", account);

    handBackAfterOneDelivery(cycle, "@herald_one");

    assertEquals(
        cycle.cycleId() + 1,
        rows.count("SELECT cycle_id FROM bot WHERE account_id = ?", account),
        "a stopped bot's cycle ends: its next start is a new cycle");
    assertEquals("STOPPED", rows.text("SELECT status FROM bot WHERE account_id = ?", account));
    assertEquals(
        "cycle " + cycle.cycleId() + ": 1 delivered",
        rows.text("SELECT message FROM activity_log WHERE account_id = ?", account));
  }

  /**
   * A flush whose commit went through while its connection failed (the node could not tell) is
   * retried under the same id (V98): the retry writes nothing. Applied again, it would count the
   * posts again, log the cycle's entry and announce the delivery again, and complete the
   * continuation of the cycle it handed back, leased again meanwhile.
   */
  @Test
  void theRetryOfAFlushCommittedThoughItsCommitFailedWritesNothing() {
    DueCycle ended = claimed("ACTIVE", null);
    DueCycle handedBack = claimed("ACTIVE", null);
    begin(NODE, ended, "@herald_one");
    begin(NODE, handedBack, "@herald_one");
    Instant at = Instant.now();
    List<Finished> finished =
        List.of(
            new Finished(ended, "@herald_one", new SendOutcome.Delivered(1), at),
            new Finished(handedBack, "@herald_one", new SendOutcome.Delivered(2), at));
    List<Completed> completed =
        List.of(
            new Completed(ended, at.plusSeconds(60), new CycleTally(1, 1, 0, 0), today(), null),
            Completed.handedBack(handedBack, at, new CycleTally(1, 1, 0, 0), today(), false));
    FlushId id = TestFlushes.next();

    JdbcDeliveryLedger lostAnswer = new JdbcDeliveryLedger(commitsThenFails(true));
    EngineStoreException lost =
        assertThrows(
            EngineStoreException.class, () -> lostAnswer.flush(NODE, id, finished, completed));
    assertTrue(lost.unreachable(), "a lost connection: the database could not be reached");
    DueCycle continued =
        leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1).get(0);
    assertEquals(handedBack.cycleId(), continued.cycleId());
    ledger.flush(NODE, id, finished, completed);

    for (long account : List.of(ended.accountId(), handedBack.accountId())) {
      assertEquals(
          1L,
          rows.count("SELECT total_posts FROM bot_stats WHERE account_id = ?", account),
          "posts counted once");
      assertEquals(
          1L,
          rows.count("SELECT posts_today FROM bot WHERE account_id = ?", account),
          "capped once");
      assertEquals(
          1,
          rows.count("SELECT count(*) FROM delivery_event WHERE account_id = ?", account),
          "the delivery announced once");
    }
    assertEquals(
        1,
        rows.count("SELECT count(*) FROM activity_log WHERE account_id = ?", ended.accountId()),
        "one entry for the ended cycle");
    assertEquals(
        NODE,
        rows.text("SELECT lease_owner FROM bot WHERE account_id = ?", handedBack.accountId()),
        "the continuation keeps its lease");

    // The next flush of the same writer is written as usual.
    begin(NODE, continued, "@herald_two");
    ledger.flush(
        NODE,
        new FlushId(id.writer(), id.number() + 1),
        List.of(new Finished(continued, "@herald_two", new SendOutcome.Delivered(3), at)),
        List.of(new Completed(continued, at.plusSeconds(60), new CycleTally(1, 1, 0, 0))));
    assertEquals(
        2L,
        rows.count(
            "SELECT total_posts FROM bot_stats WHERE account_id = ?", handedBack.accountId()));
    ledger.flush(NODE, id, finished, completed); // an older number, late: nothing
    assertEquals(
        2L,
        rows.count(
            "SELECT total_posts FROM bot_stats WHERE account_id = ?", handedBack.accountId()));
  }

  /** A flush whose commit failed (rolled back) is written by its retry under the same id. */
  @Test
  void theRetryOfAFlushRolledBackIsWritten() {
    DueCycle cycle = claimed("ACTIVE", null);
    begin(NODE, cycle, "@herald_one");
    Instant at = Instant.now();
    List<Finished> finished =
        List.of(new Finished(cycle, "@herald_one", new SendOutcome.Delivered(1), at));
    List<Completed> completed =
        List.of(new Completed(cycle, at.plusSeconds(60), new CycleTally(1, 1, 0, 0)));
    FlushId id = TestFlushes.next();

    JdbcDeliveryLedger failing = new JdbcDeliveryLedger(commitsThenFails(false));
    assertThrows(EngineStoreException.class, () -> failing.flush(NODE, id, finished, completed));
    assertEquals(
        0, rows.count("SELECT count(*) FROM bot_stats WHERE account_id = ?", cycle.accountId()));
    ledger.flush(NODE, id, finished, completed);

    assertEquals(
        1L,
        rows.count("SELECT total_posts FROM bot_stats WHERE account_id = ?", cycle.accountId()));
    assertEquals(
        "DELIVERED",
        rows.text("SELECT outcome FROM delivery_record WHERE account_id = ?", cycle.accountId()));
  }

  /**
   * The test database whose commits fail as a connection lost at the commit does: after the commit
   * went through ({@code committed}), or rolled back.
   */
  private static DataSource commitsThenFails(boolean committed) {
    DataSource real = TestDatabase.dataSource();
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              return method.getName().equals("getConnection")
                  ? failingCommits((Connection) result, committed)
                  : result;
            });
  }

  private static Connection failingCommits(Connection real, boolean committed) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("commit")) {
                return invoke(real, method, args);
              }
              if (committed) {
                real.commit();
              } else {
                real.rollback();
              }
              throw new SQLException("An I/O error occurred while sending to the backend", "08006");
            });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void aFlushWritesOutcomesAndCompletesTheCycle() {
    DueCycle cycle = claimed("TRIAL", null);
    begin(NODE, cycle, "@herald_one");
    begin(NODE, cycle, "@herald_two");
    Instant at = Instant.now();
    Instant next = at.plusSeconds(60);

    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(
            new Finished(cycle, "@herald_one", new SendOutcome.Delivered(42), at),
            new Finished(
                cycle, "@herald_two", new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN"), at)),
        List.of(new Completed(cycle, next, new CycleTally(2, 1, 1, 0))));

    long account = cycle.accountId();
    assertEquals(
        "DELIVERED",
        rows.text(
            "SELECT outcome FROM delivery_record WHERE account_id = ? AND chat_ref = '@herald_one'",
            account));
    assertEquals(
        42L,
        rows.count(
            "SELECT telegram_message_id FROM delivery_record WHERE account_id = ? AND chat_ref ="
                + " '@herald_one'",
            account));
    assertEquals(
        "CHAT_FORBIDDEN",
        rows.text(
            "SELECT outcome FROM delivery_record WHERE account_id = ? AND chat_ref = '@herald_two'",
            account));
    assertNull(rows.one("SELECT lease_owner FROM bot WHERE account_id = ?", account));
    assertEquals(
        cycle.cycleId() + 1, rows.count("SELECT cycle_id FROM bot WHERE account_id = ?", account));
    assertEquals(
        next.getEpochSecond(),
        rows.count(
            "SELECT extract(epoch FROM date_trunc('second', next_run_at))::bigint FROM bot WHERE"
                + " account_id = ?",
            account));
    assertEquals(
        "2/1/1/0",
        rows.text(
            "SELECT total_posts || '/' || total_success || '/' || total_failures || '/' ||"
                + " total_flood_waits FROM bot_stats WHERE account_id = ?",
            account));
    assertEquals(
        "CYCLE_FAILURES",
        rows.text("SELECT event FROM activity_log WHERE account_id = ?", account));
  }

  @Test
  void theCycleLogEntryCountsEachOutcomeAndNamesTheMostFrequentFailure() {
    DueCycle cycle = claimed("ACTIVE", null);
    List<String> chats = List.of("@a", "@b", "@c", "@d", "@e");
    chats.forEach(chat -> begin(NODE, cycle, chat));
    Instant at = Instant.now();

    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(
            new Finished(cycle, "@a", new SendOutcome.Delivered(1), at),
            new Finished(cycle, "@b", new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN"), at),
            new Finished(cycle, "@c", new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN"), at),
            new Finished(cycle, "@d", new SendOutcome.SlowMode(Duration.ofSeconds(30)), at),
            new Finished(cycle, "@e", new SendOutcome.Delivered(2), at)),
        List.of(new Completed(cycle, at.plusSeconds(60), new CycleTally(5, 2, 3, 0))));

    assertEquals(
        "CYCLE_FAILURES CHAT_FORBIDDEN cycle "
            + cycle.cycleId()
            + ": 2 delivered, 2 chat forbidden, 1 slow mode",
        rows.text(
            "SELECT event || ' ' || reason_code || ' ' || message FROM activity_log WHERE"
                + " account_id = ?",
            cycle.accountId()));
  }

  /**
   * The engine's entry ({@link CycleSummary}) and the flush's count of the records agree, on mixes
   * of outcomes with ties, no post at all and a post still sending.
   */
  @Test
  void theEnginesCycleEntryAndItsSqlTwinAgree() {
    SendOutcome delivered = new SendOutcome.Delivered(1);
    SendOutcome forbidden = new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN");
    SendOutcome slow = new SendOutcome.SlowMode(Duration.ofSeconds(30));
    SendOutcome flood = new SendOutcome.FloodWait(Duration.ofSeconds(5));
    SendOutcome transientError = new SendOutcome.TransientError("timeout");
    SendOutcome notFound = new SendOutcome.ChatNotFound("USERNAME_NOT_OCCUPIED");
    List<List<SendOutcome>> mixes =
        List.of(
            List.of(),
            List.of(delivered),
            List.of(delivered, delivered, forbidden),
            List.of(slow, forbidden),
            List.of(forbidden, slow, slow, delivered),
            List.of(flood, transientError, notFound, notFound, transientError),
            List.of(transientError, delivered, delivered, delivered));
    for (List<SendOutcome> mix : mixes) {
      for (boolean oneStillSending : List.of(false, true)) {
        DueCycle cycle = claimed("ACTIVE", null);
        Instant at = Instant.now();
        List<Finished> finished = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < mix.size(); i++) {
          begin(NODE, cycle, "@chat_" + i);
          finished.add(new Finished(cycle, "@chat_" + i, mix.get(i), at));
          counts.merge(mix.get(i).code(), 1, Integer::sum);
        }
        if (oneStillSending) {
          begin(NODE, cycle, "@chat_sending");
          counts.merge("SENDING", 1, Integer::sum);
        }
        ledger.flush(
            NODE,
            TestFlushes.next(),
            finished,
            List.of(new Completed(cycle, at.plusSeconds(60), CycleTally.empty())));

        CycleSummary engine = CycleSummary.of(cycle.cycleId(), counts);
        assertEquals(
            engine.reasonCode() + " | " + engine.message(),
            rows.text(
                "SELECT reason_code || ' | ' || message FROM activity_log WHERE account_id = ?",
                cycle.accountId()),
            () -> "outcomes " + counts);
      }
    }
  }

  @Test
  void aCycleTheEngineSummarizedIsLoggedAsItSaysWithoutCountingTheRecords() {
    DueCycle cycle = claimed("ACTIVE", null);
    begin(NODE, cycle, "@herald_one");
    Instant at = Instant.now();

    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(new Finished(cycle, "@herald_one", new SendOutcome.Delivered(1), at)),
        List.of(
            new Completed(
                cycle,
                at.plusSeconds(60),
                new CycleTally(1, 1, 0, 0),
                null,
                new CycleSummary("DELIVERED", "as the engine saw it"))));

    assertEquals(
        "CYCLE_COMPLETED DELIVERED as the engine saw it",
        rows.text(
            "SELECT event || ' ' || reason_code || ' ' || message FROM activity_log WHERE"
                + " account_id = ?",
            cycle.accountId()));
  }

  @Test
  void aCycleThatDeliveredClearsTheLastErrorAndOneThatDidNotKeepsIt() {
    DueCycle failing = claimed("ACTIVE", null);
    DueCycle delivering = claimed("ACTIVE", null);
    DueCycle refusedToo = claimed("ACTIVE", null);
    for (DueCycle cycle : List.of(failing, delivering, refusedToo)) {
      rows.update(
          "UPDATE bot SET last_error_reason = 'no sender' WHERE account_id = ?", cycle.accountId());
      begin(NODE, cycle, "@herald_one");
    }
    Instant at = Instant.now();

    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(
            new Finished(failing, "@herald_one", new SendOutcome.ChatNotFound("nope"), at),
            new Finished(delivering, "@herald_one", new SendOutcome.Delivered(7), at),
            new Finished(refusedToo, "@herald_one", new SendOutcome.Delivered(8), at)),
        List.of(
            new Completed(failing, at.plusSeconds(60), new CycleTally(1, 0, 1, 0)),
            new Completed(delivering, at.plusSeconds(60), new CycleTally(1, 1, 0, 0)),
            // Delivered, but Telegram refused another of its posts: the tenant must still see why.
            new Completed(
                refusedToo, at.plusSeconds(60), new CycleTally(2, 1, 1, 0), null, null, true)));

    assertEquals(
        "no sender",
        rows.text("SELECT last_error_reason FROM bot WHERE account_id = ?", failing.accountId()));
    assertNull(
        rows.one("SELECT last_error_reason FROM bot WHERE account_id = ?", delivering.accountId()));
    assertEquals(
        "no sender",
        rows.text(
            "SELECT last_error_reason FROM bot WHERE account_id = ?", refusedToo.accountId()));
    assertEquals(
        "DELIVERED cycle " + delivering.cycleId() + ": 1 delivered",
        rows.text(
            "SELECT reason_code || ' ' || message FROM activity_log WHERE account_id = ?",
            delivering.accountId()));
  }

  @Test
  void aFlushSettlesAStoppingBotAndCompletesNothingForANodeThatLostTheLease() {
    DueCycle stopping = claimed("ACTIVE", null);
    rows.update("UPDATE bot SET status = 'STOPPING' WHERE account_id = ?", stopping.accountId());
    DueCycle lost = claimed("ACTIVE", null);
    rows.lease(lost.accountId(), "node-b", Instant.now().plusSeconds(30));
    Instant next = Instant.now().plusSeconds(60);

    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(),
        List.of(
            new Completed(stopping, next, CycleTally.empty()),
            new Completed(lost, next, CycleTally.empty())));

    assertEquals(
        "STOPPED", rows.text("SELECT status FROM bot WHERE account_id = ?", stopping.accountId()));
    assertNull(rows.one("SELECT next_run_at FROM bot WHERE account_id = ?", stopping.accountId()));
    assertEquals(
        "node-b", rows.text("SELECT lease_owner FROM bot WHERE account_id = ?", lost.accountId()));
    assertEquals(
        lost.cycleId(),
        rows.count("SELECT cycle_id FROM bot WHERE account_id = ?", lost.accountId()));
  }

  /**
   * A delivery record the database cannot be reached for says so, for the engine to hand the cycle
   * back; one it refuses does not.
   */
  @Test
  void aRecordNotWrittenSaysWhetherTheDatabaseCouldBeReached() {
    DueCycle cycle = claimed("ACTIVE", null);
    JdbcDeliveryLedger away = new JdbcDeliveryLedger(noConnection());
    List<Begin> post = List.of(new Begin(cycle, "@herald_one", Sender.session(1)));

    assertTrue(
        assertThrows(EngineStoreException.class, () -> away.beginDeliveries(NODE, post))
            .unreachable());
    rows.update("ALTER TABLE delivery_record RENAME COLUMN retryable TO retryable_away");
    try {
      assertFalse(
          assertThrows(EngineStoreException.class, () -> ledger.beginDeliveries(NODE, post))
              .unreachable(),
          "a statement the database refuses");
    } finally {
      rows.update("ALTER TABLE delivery_record RENAME COLUMN retryable_away TO retryable");
    }
    assertEquals(0, rows.count("SELECT count(*) FROM delivery_record"));
  }

  /** A pool whose database cannot be reached: no connection (SQLSTATE 08001). */
  private static DataSource noConnection() {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              throw new SQLException("Connection to localhost:5432 refused", "08001");
            });
  }

  /**
   * A database outage longer than the lease: the heartbeat could not extend it, and this node
   * leased the bot again before its first run of the cycle was over (waiting between posts) or
   * before that run's completion was flushed. The first run is no longer running, and its queued
   * completion does not release the second run's lease.
   */
  @Test
  void aRunWhoseLeaseRanOutWritesNothingUnderThisNodesNextClaim() {
    DueCycle first = claimed("ACTIVE", null);
    leaseRunsOut(first.accountId());
    List<DueCycle> again = leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(30), 1);
    assertEquals(1, again.size(), "this node leased the bot again");
    DueCycle second = again.get(0);
    assertEquals(first.cycleId(), second.cycleId(), "the same cycle, continued");

    // Both runs begin the chat, in one batch: the first run's request is no repeat of the second's.
    assertEquals(
        List.of(DeliveryStart.BOT_NOT_RUNNING, DeliveryStart.SEND),
        ledger.beginDeliveries(
            NODE,
            List.of(
                new Begin(first, "@herald_one", Sender.session(1)),
                new Begin(second, "@herald_one", Sender.session(1)))));
    assertEquals(
        1L,
        rows.count("SELECT count(*) FROM delivery_record WHERE account_id = ?", first.accountId()),
        "one record, the second run's");
    Object leasedUntil =
        rows.one("SELECT lease_until FROM bot WHERE account_id = ?", second.accountId());

    handBack(first);

    assertEquals(
        NODE, rows.text("SELECT lease_owner FROM bot WHERE account_id = ?", second.accountId()));
    assertEquals(
        leasedUntil,
        rows.one("SELECT lease_until FROM bot WHERE account_id = ?", second.accountId()),
        "the second run's lease is kept");

    ledger.flush(
        NODE,
        TestFlushes.next(),
        List.of(new Finished(second, "@herald_one", new SendOutcome.Delivered(7), Instant.now())),
        List.of(new Completed(second, Instant.now().plusSeconds(60), new CycleTally(1, 1, 0, 0))));

    assertNull(rows.one("SELECT lease_owner FROM bot WHERE account_id = ?", second.accountId()));
    assertEquals(
        second.cycleId() + 1,
        rows.count("SELECT cycle_id FROM bot WHERE account_id = ?", second.accountId()),
        "the second run completed the cycle");
  }
}
