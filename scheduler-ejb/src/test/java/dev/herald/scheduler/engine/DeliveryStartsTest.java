package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.engine.DeliveryLedger.Begin;
import dev.herald.domain.engine.DeliveryStart;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.telegram.Sender;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryStartsTest {

  /** Runs what it was given only when the test says so, to let requests pile up. */
  private static final class ManualExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
        task.run();
      }
    }
  }

  private final InMemoryEngineStore store = new InMemoryEngineStore();
  private final ManualExecutor executor = new ManualExecutor();
  private final DueCycle cycle = Cycles.cycle(1, Instant.EPOCH, List.of(7L), "@herald_one");

  private CompletableFuture<DeliveryStart> begin(DeliveryStarts starts, String chat) {
    return starts.begin(new Begin(cycle, chat, Sender.session(7))).toCompletableFuture();
  }

  @Test
  void postsAskingTogetherAreWrittenInOneBatchAndAnsweredInOrder() {
    DeliveryStarts starts = new DeliveryStarts("node", store, executor, 100);
    var first = begin(starts, "@herald_one");
    var again = begin(starts, "@herald_one");
    var second = begin(starts, "@herald_two");
    assertEquals(3, starts.waiting(), "the backlog counts posts waiting for their record");

    executor.runAll();

    assertEquals(1, store.beginBatches.size());
    assertEquals(DeliveryStart.SEND, first.join());
    assertEquals(DeliveryStart.ALREADY_ATTEMPTED, again.join());
    assertEquals(DeliveryStart.SEND, second.join());
    assertEquals(0, starts.waiting());
  }

  @Test
  void aBatchIsNeverLargerThanTheLimit() {
    DeliveryStarts starts = new DeliveryStarts("node", store, executor, 2);
    for (int i = 0; i < 5; i++) {
      begin(starts, "@herald_chat" + i);
    }

    executor.runAll();

    assertEquals(List.of(2, 2, 1), store.beginBatches.stream().map(List::size).toList());
  }

  @Test
  void aFailedBatchFailsItsPostsAndTheNextBatchStillRuns() {
    DeliveryStarts starts = new DeliveryStarts("node", store, executor, 100);
    AtomicInteger batches = new AtomicInteger();
    starts.afterBatch(batches::incrementAndGet);
    store.failure = new IllegalStateException("database down");
    var failed = begin(starts, "@herald_one");
    executor.runAll();
    store.failure = null;
    var later = begin(starts, "@herald_two");
    executor.runAll();

    assertTrue(failed.isCompletedExceptionally(), "a post whose record failed is never sent");
    assertEquals(DeliveryStart.SEND, later.join());
    assertEquals(2, batches.get(), "the engine hears after every batch, failed or not");
  }

  @Test
  void theNextBatchIsOnItsWayBeforeAnAnswerRunsItsSend() {
    DeliveryStarts starts = new DeliveryStarts("node", store, executor, 1);
    var first = begin(starts, "@herald_one");
    begin(starts, "@herald_two");
    AtomicInteger writersQueued = new AtomicInteger(-1);
    first.thenRun(() -> writersQueued.set(executor.tasks.size()));

    executor.tasks.poll().run(); // the first batch only

    assertEquals(DeliveryStart.SEND, first.join());
    assertEquals(
        1,
        writersQueued.get(),
        "the second batch's writer was handed to the executor before the first answer ran");
  }
}
