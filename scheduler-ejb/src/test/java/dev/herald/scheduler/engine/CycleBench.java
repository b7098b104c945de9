package dev.herald.scheduler.engine;

import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.OutcomePolicy;
import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.telegram.TextFormatter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One home for running single cycles in the engine's unit tests: the in-memory store, a hand-moved
 * clock, write-behind flushed after each run, and starts recorded on the calling thread. Register
 * it as an extension ({@code @RegisterExtension}): it stops the engine's timer thread after each
 * test.
 */
final class CycleBench implements AfterEachCallback {

  final MutableClock clock;
  final InMemoryEngineStore store = new InMemoryEngineStore();
  final QuietMetrics metrics = new QuietMetrics();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final WriteBehind writes;

  /** The least time between a sender's posts: zero, so that a cycle runs in one go. */
  private final Duration senderInterval;

  CycleBench(Instant start) {
    this(new MutableClock(start), Duration.ZERO);
  }

  private CycleBench(MutableClock clock, Duration senderInterval) {
    this.clock = clock;
    store.clock = clock; // a record starts on the cycles' clock
    this.senderInterval = senderInterval;
    writes = new WriteBehind("node", store, clock, Duration.ofSeconds(30), new HeldLeases());
  }

  /**
   * A bench whose clock moves with real time too and whose senders keep the engine's pace ({@link
   * TargetRules#PER_SENDER_INTERVAL}): {@link #run} waits for each cycle to finish.
   */
  static CycleBench paced(Instant start) {
    return new CycleBench(MutableClock.ticking(start), TargetRules.PER_SENDER_INTERVAL);
  }

  /** Sending through {@code gateway}, sealed texts as they are, failures cooled for 5 minutes. */
  static CycleRun.Sending sending(TelegramGateway gateway, TextFormatter formatter) {
    return new CycleRun.Sending(
        gateway,
        new OutcomePolicy(false, Duration.ofMinutes(5)),
        UnaryOperator.identity(),
        formatter);
  }

  /** Runs {@code cycle} with no target preparation and flushes what it wrote. */
  void run(DueCycle cycle, CycleRun.Sending sending) {
    run(cycle, sending, EngineTargets.none(), () -> {});
  }

  /**
   * Runs {@code cycle} preparing its targets with {@code targets}, then flushes the targets' writes
   * ({@code flushTargets}) and the deliveries' write-behind, in that order.
   */
  void run(DueCycle cycle, CycleRun.Sending sending, EngineTargets targets, Runnable flushTargets) {
    run(cycle, sending, targets, flushTargets, !senderInterval.isZero());
  }

  /** Runs {@code cycle} on a transport that answers later: waits for the cycle to finish. */
  void runToItsEnd(DueCycle cycle, CycleRun.Sending sending) {
    run(cycle, sending, EngineTargets.none(), () -> {}, true);
  }

  private void run(
      DueCycle cycle,
      CycleRun.Sending sending,
      EngineTargets targets,
      Runnable flushTargets,
      boolean awaitTheEnd) {
    new CycleRun(
            cycle,
            sending,
            new CycleRun.Recording(
                new DeliveryStarts("node", store, Runnable::run, 100), writes, store),
            new CycleRun.Environment(executor, clock, metrics, senderInterval),
            targets)
        .start();
    if (awaitTheEnd) {
      metrics.awaitCycleFinished();
    }
    flushTargets.run();
    writes.flush();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    executor.shutdownNow();
  }
}
