package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClaimLoopTest {

  private final InMemoryEngineStore store = new InMemoryEngineStore();
  private final HeldLeases held = new HeldLeases();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<DueCycle> fired = new CopyOnWriteArrayList<>();
  private final AtomicInteger postsWaiting = new AtomicInteger();
  private final List<Runnable> earlyClaims = new CopyOnWriteArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.now());

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private ClaimLoop loop(int batch, int maxBacklog) {
    return loop(batch, maxBacklog, fired::add);
  }

  private ClaimLoop loop(int batch, int maxBacklog, Consumer<DueCycle> fire) {
    return new ClaimLoop(
        "node",
        store,
        new ClaimLoop.Limits(Duration.ofSeconds(2), Duration.ofSeconds(30), batch, maxBacklog),
        held,
        timer,
        earlyClaims::add,
        clock,
        new QuietMetrics(),
        postsWaiting::get,
        fire);
  }

  private void due(int count, Duration in) {
    for (int i = 0; i < count; i++) {
      store.due.add(Cycles.cycle(100 + i, clock.instant().plus(in), List.of(7L), "@herald_a1"));
    }
  }

  /** Waits (bounded) until the timer has fired what it was given. */
  private void awaitFired(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (fired.size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(count, fired.size());
  }

  @Test
  void claimsInBatchesUntilNothingIsDueAndFiresEachCycle() throws InterruptedException {
    due(5, Duration.ZERO);

    loop(2, 100).claim();

    assertEquals(List.of(2, 2, 2), store.claimLimits, "batches until one came back short");
    awaitFired(5);
    assertEquals(5, held.size(), "the heartbeat extends every claimed lease");
  }

  @Test
  void claimsStopAtTheBacklogLimitAndResumeWhenItHalves() {
    due(10, Duration.ofHours(1)); // their timers wait: the leased cycles stay in the backlog
    postsWaiting.set(8);
    ClaimLoop loop = loop(5, 10);

    loop.claim();
    assertEquals(List.of(2), store.claimLimits, "room for 2 with 8 posts waiting");
    assertEquals(10, loop.backlog());
    loop.claimIfRoom();
    assertTrue(earlyClaims.isEmpty(), "a full backlog: no early claim");

    postsWaiting.set(3);
    loop.claimIfRoom();
    assertEquals(1, earlyClaims.size(), "held back and now at half: claim at once");
    assertTrue(fired.isEmpty(), "nothing fires before its planned time");
  }

  /**
   * A cycle whose start failed (the database gone while it read) would otherwise stay held: the
   * heartbeat would extend its lease for ever and the bot never run again, nor stop if asked.
   */
  @Test
  void aCycleWhoseStartFailsIsHeldNoMoreSoItsLeaseRunsOutAndItRunsAgain() throws Exception {
    due(1, Duration.ZERO);
    CountDownLatch tried = new CountDownLatch(1);

    loop(
            5,
            100,
            cycle -> {
              tried.countDown();
              throw new IllegalStateException("reading the bot's senders failed");
            })
        .claim();

    assertTrue(tried.await(5, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (held.size() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(List.of(), held.accounts(), "no lease extended for a cycle that never started");
  }

  @Test
  void aFailedClaimIsLoggedAndTheNextOneRuns() {
    due(1, Duration.ZERO);
    store.failure = new IllegalStateException("database down");
    ClaimLoop loop = loop(5, 100);
    loop.claim();
    store.failure = null;
    loop.claim();
    assertEquals(List.of(5), store.claimLimits);
  }

  @Test
  void aBotWhoseSessionsAnotherNodeHoldsIsLeftToItAndTakenOnceItsLeasesRunOut() {
    store.clock = clock;
    store.due.add(Cycles.cycle(100, clock.instant(), List.of(7L, 8L), "@herald_a1"));
    assertTrue(store.acquire(7, "other", Duration.ofSeconds(6)));
    assertTrue(store.acquire(8, "other", Duration.ofSeconds(6)));
    ClaimLoop loop = loop(5, 100);

    loop.claim();
    assertEquals(0, held.size(), "the node that has its sessions open runs it");

    clock.advance(Duration.ofSeconds(7)); // the other node died: its leases ran out
    loop.claim();
    assertEquals(1, held.size());
    assertTrue(store.acquire(7, "node", Duration.ofSeconds(6)), "and its sessions are free");
  }

  @Test
  void aCycleGetsOnlyTheSessionsNoOtherNodeHolds() throws InterruptedException {
    store.clock = clock;
    store.due.add(Cycles.cycle(100, clock.instant(), List.of(7L, 8L), "@herald_a1"));
    assertTrue(store.acquire(8, "other", Duration.ofSeconds(6)));

    loop(5, 100).claim();

    awaitFired(1);
    assertEquals(List.of(7L), fired.get(0).sessionIds());
  }

  @Test
  void cyclesPlannedForTheSameMomentShareOneTimerTask() throws InterruptedException {
    AtomicInteger tasks = new AtomicInteger();
    ScheduledExecutorService counting =
        new ScheduledThreadPoolExecutor(1) {
          @Override
          public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            tasks.incrementAndGet();
            return super.schedule(task, delay, unit);
          }
        };
    try {
      due(4, Duration.ZERO);
      due(3, Duration.ofMillis(300));
      new ClaimLoop(
              "node",
              store,
              new ClaimLoop.Limits(Duration.ofSeconds(2), Duration.ofSeconds(30), 100, 1000),
              held,
              counting,
              earlyClaims::add,
              clock,
              new QuietMetrics(),
              postsWaiting::get,
              fired::add)
          .claim();

      awaitFired(7);
      assertEquals(2, tasks.get(), "one task per planned moment, not one per cycle");
    } finally {
      counting.shutdownNow();
    }
  }
}
