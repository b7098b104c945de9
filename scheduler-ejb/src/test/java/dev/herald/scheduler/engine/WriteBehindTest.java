package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DeliveryLedger.Finished;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.telegram.SendOutcome;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  private final InMemoryEngineStore store = new InMemoryEngineStore();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final HeldLeases held = new HeldLeases();
  private final WriteBehind writes = new WriteBehind("node", store, clock, GIVE_UP, held);
  private final DueCycle cycle = Cycles.cycle(1, clock.instant(), List.of(7L), "@herald_one");

  /** Another account's cycle, claimed and completed with no post, queued now. */
  private DueCycle queueAnotherCycleCompleted() {
    DueCycle other = Cycles.cycle(2, clock.instant(), List.of(8L), "@herald_two");
    held.claimed(other.accountId());
    writes.completed(new Completed(other, clock.instant().plusSeconds(60), CycleTally.empty()));
    return other;
  }

  private void queueOneCycle() {
    held.claimed(cycle.accountId());
    writes.finished(
        new Finished(cycle, "@herald_one", new SendOutcome.Delivered(5), clock.instant()));
    writes.completed(new Completed(cycle, clock.instant().plusSeconds(60), CycleTally.empty()));
  }

  @Test
  void aFlushWritesEverythingQueuedAndReleasesTheCompletedLeases() {
    queueOneCycle();

    writes.flush();

    assertEquals(1, store.finished.size());
    assertEquals(1, store.completed.size());
    assertEquals(List.of(), held.accounts());
    writes.flush();
    assertEquals(1, store.completed.size(), "nothing is written twice");
  }

  @Test
  void aFailedFlushIsRetriedWithItsItemsFirst() {
    queueOneCycle();
    store.failure = new IllegalStateException("database down");
    writes.flush();
    assertEquals(List.of(cycle.accountId()), held.accounts(), "the lease is still held");

    store.failure = null;
    clock.advance(GIVE_UP.minusSeconds(1));
    writes.flush();

    assertEquals(1, store.finished.size());
    assertEquals(1, store.completed.size());
    assertEquals(List.of(), held.accounts());
  }

  @Test
  void aFlushCommittedThoughItsCommitFailedIsRetriedAloneAndWrittenOnce() {
    queueOneCycle();
    store.failureAfterCommit = new IllegalStateException("connection lost while committing");
    writes.flush();
    assertEquals(List.of(cycle.accountId()), held.accounts(), "not known to be written");

    store.failureAfterCommit = null;
    DueCycle other = queueAnotherCycleCompleted();
    writes.flush();

    assertEquals(1, store.finished.size(), "the retry wrote nothing again");
    assertEquals(
        List.of(cycle.accountId(), other.accountId()),
        store.completed.stream().map(done -> done.cycle().accountId()).toList(),
        "the cycle queued after the failure is written under a flush of its own");
    assertEquals(List.of(), held.accounts());
  }

  @Test
  void whatIsQueuedAfterAFailedFlushWaitsUntilItsRetryIsWritten() {
    queueOneCycle();
    store.failure = new IllegalStateException("database down");
    writes.flush();
    DueCycle other = queueAnotherCycleCompleted();
    writes.flush();
    assertEquals(0, store.completed.size());

    store.failure = null;
    writes.flush();

    assertEquals(
        List.of(cycle.accountId(), other.accountId()),
        store.completed.stream().map(done -> done.cycle().accountId()).toList());
    assertEquals(1, store.finished.size());
    assertEquals(List.of(), held.accounts());
    assertEquals(
        List.of(1L, 1L, 1L, 2L),
        store.flushCalls.stream().map(call -> call.id().number()).toList(),
        "the failed flush retried alone under its number, the later cycle under the next");
  }

  @Test
  void aRetryLessTheItemsGivenUpKeepsItsNumber() {
    held.claimed(cycle.accountId());
    writes.finished(
        new Finished(cycle, "@herald_one", new SendOutcome.Delivered(5), clock.instant()));
    clock.advance(GIVE_UP.minusSeconds(1));
    DueCycle other = queueAnotherCycleCompleted();
    store.failure = new IllegalStateException("database down");
    writes.flush();
    clock.advance(Duration.ofSeconds(2));
    assertWarned(writes::flush, "Gave up writing 1 post outcomes and 0 cycle completions");

    store.failure = null;
    writes.flush();

    InMemoryEngineStore.FlushCall last = store.flushCalls.get(store.flushCalls.size() - 1);
    assertEquals(1L, last.id().number());
    assertEquals(List.of(), last.finished(), "the outcome given up is not written");
    assertEquals(
        List.of(other.accountId()),
        last.completed().stream().map(d -> d.cycle().accountId()).toList());
    assertEquals(
        List.of(cycle.accountId()), held.accounts(), "the cycle of the lost post runs again");
  }

  @Test
  void itemsOlderThanTheLeaseAreGivenUpAndTheirLeaseLeftToRunOut() {
    queueOneCycle();
    store.failure = new IllegalStateException("database down");
    clock.advance(GIVE_UP.plusSeconds(1));
    assertWarned(writes::flush, "Gave up writing 1 post outcomes and 1 cycle completions");

    store.failure = null;
    writes.flush();

    assertEquals(0, store.completed.size(), "the cycle runs again once its lease runs out");
    assertEquals(List.of(), held.accounts(), "the heartbeat no longer extends it");
  }

  @Test
  void aCycleWhosePostsAreGivenUpIsGivenUpWithThem() {
    aPostOutcomeOlderThanTheLeaseWithTheDatabaseDown();
    // The cycle ends just now: its completion is young, its post's outcome is not.
    completeTheCycle();

    assertWarned(writes::flush, "Gave up writing 1 post outcomes and 1 cycle completions");
    store.failure = null;
    writes.flush();

    assertEquals(0, store.completed.size(), "not completed without its post's outcome");
    assertEquals(List.of(), held.accounts(), "its lease runs out and the cycle runs again");
  }

  @Test
  void aLongCycleWhosePostsWereGivenUpEarlierIsGivenUpWhenItCompletes() {
    aPostOutcomeOlderThanTheLeaseWithTheDatabaseDown();
    assertWarned(writes::flush, "Gave up writing 1 post outcomes and 0 cycle completions");

    // The database is back; the cycle, still running (its lease extended), ends only now.
    store.failure = null;
    completeTheCycle();
    assertWarned(writes::flush, "Gave up writing 0 post outcomes and 1 cycle completions");

    assertEquals(0, store.completed.size(), "not completed without its post's outcome");
    assertEquals(List.of(), held.accounts(), "its lease runs out and the cycle runs again");
  }

  /**
   * An outage longer than the lease: this node claimed the cycle again, and the new run completed
   * it. The earlier run's posts given up are no reason to give up the new run's completion.
   */
  @Test
  void theCompletionOfALaterClaimOfTheCycleIsWrittenThoughTheEarlierRunsPostsWereGivenUp() {
    aPostOutcomeOlderThanTheLeaseWithTheDatabaseDown();
    assertWarned(writes::flush, "Gave up writing 1 post outcomes and 0 cycle completions");
    store.failure = null;
    DueCycle again = Cycles.underLease(cycle, cycle.lease() + 1);
    held.claimed(again.accountId());

    writes.completed(new Completed(again, clock.instant().plusSeconds(60), CycleTally.empty()));
    writes.flush();

    assertEquals(1, store.completed.size(), "the later run's completion is written");
    assertEquals(again, store.completed.get(0).cycle());
  }

  /** The cycle's one post finished, its outcome not written for longer than the give-up time. */
  private void aPostOutcomeOlderThanTheLeaseWithTheDatabaseDown() {
    held.claimed(cycle.accountId());
    writes.finished(
        new Finished(cycle, "@herald_one", new SendOutcome.Delivered(5), clock.instant()));
    store.failure = new IllegalStateException("database down");
    writes.flush();
    clock.advance(GIVE_UP.plusSeconds(1));
  }

  private void completeTheCycle() {
    writes.completed(new Completed(cycle, clock.instant().plusSeconds(60), CycleTally.empty()));
  }

  /** {@code action} logs a warning that starts with {@code start}. */
  private static void assertWarned(Runnable action, String start) {
    List<String> warnings = warningsOf(action);
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith(start)), warnings::toString);
  }

  /** The warnings {@link WriteBehind} logs while {@code action} runs, formatted. */
  private static List<String> warningsOf(Runnable action) {
    List<String> warnings = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING) {
              warnings.add(MessageFormat.format(record.getMessage(), record.getParameters()));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(WriteBehind.class.getName());
    log.addHandler(handler);
    try {
      action.run();
    } finally {
      log.removeHandler(handler);
    }
    return warnings;
  }

  @Test
  void aCycleCompletedWhileTheTargetsAreWrittenWaitsForTheNextFlush() {
    List<Integer> completedWhenTargetsWritten = new ArrayList<>();
    writes.flush(
        () -> {
          // The targets of this tick are being written when the lane completes its cycle.
          completedWhenTargetsWritten.add(store.completed.size());
          queueOneCycle();
        });
    assertEquals(List.of(0), completedWhenTargetsWritten);
    assertEquals(0, store.completed.size(), "not ahead of the target changes of the next tick");

    writes.flush();
    assertEquals(1, store.completed.size());
  }

  @Test
  void whatWasTakenWaitsForTheNextFlushWhenTheTargetsFailToWrite() {
    queueOneCycle();
    assertThrows(
        OutOfMemoryError.class,
        () ->
            writes.flush(
                () -> {
                  throw new OutOfMemoryError("writing the targets");
                }));
    assertEquals(0, store.completed.size());

    writes.flush();
    assertEquals(1, store.finished.size());
    assertEquals(1, store.completed.size());
    assertEquals(List.of(), held.accounts());
  }
}
