package dev.herald.scheduler.engine;

import dev.herald.domain.engine.EngineStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens after a send (the outcome on the delivery record, the cycle's completion and
 * counters) is queued and written every few milliseconds in one transaction with multi-row
 * statements, instead of 2 transactions and 6 round trips per cycle on the cycle's path.
 *
 * <p>Why this is safe: the delivery record itself is still written and committed before the send
 * (rule 10). A crash loses at most the last flush interval of completions; those cycles' leases run
 * out and the cycle runs again with the same cycle id, and its delivery records make the re-run
 * skip every chat already attempted. A failed flush is retried until its items are older than the
 * lease, after which the lease has run out and the re-run covers them.
 */
final class WriteBehind {

  private static final Logger LOG = Logger.getLogger(WriteBehind.class.getName());

  private record Item(Instant queuedAt, Object what) {}

  private final String node;
  private final EngineStore store;
  private final Clock clock;
  private final Duration giveUpAfter;
  private final HeldLeases held;
  private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();

  /** Items of a failed flush, retried first (only touched under the flush lock). */
  private final List<Item> retry = new ArrayList<>();

  WriteBehind(String node, EngineStore store, Clock clock, Duration giveUpAfter, HeldLeases held) {
    this.node = node;
    this.held = held;
    this.store = store;
    this.clock = clock;
    this.giveUpAfter = giveUpAfter;
  }

  void finished(EngineStore.Finished finished) {
    queue.add(new Item(clock.instant(), finished));
  }

  void completed(EngineStore.Completed completed) {
    queue.add(new Item(clock.instant(), completed));
  }

  /** Writes everything queued so far; one flusher at a time keeps the queue's order. */
  synchronized void flush() {
    List<Item> batch = new ArrayList<>(retry);
    retry.clear();
    for (Item item = queue.poll(); item != null; item = queue.poll()) {
      batch.add(item);
    }
    if (batch.isEmpty()) {
      return;
    }
    List<EngineStore.Finished> finished = new ArrayList<>();
    List<EngineStore.Completed> completed = new ArrayList<>();
    for (Item item : batch) {
      if (item.what() instanceof EngineStore.Finished f) {
        finished.add(f);
      } else {
        completed.add((EngineStore.Completed) item.what());
      }
    }
    try {
      // One transaction: a completed cycle never shows a post still SENDING.
      store.flush(node, finished, completed);
      completed.forEach(done -> held.released(done.cycle().accountId()));
    } catch (RuntimeException e) {
      Instant cutoff = clock.instant().minus(giveUpAfter);
      for (Item item : batch) {
        if (item.queuedAt().isAfter(cutoff)) {
          retry.add(item);
        } else if (item.what() instanceof EngineStore.Completed done) {
          held.released(
              done.cycle().accountId()); // given up: its lease runs out, the cycle runs again
        }
      }
      LOG.log(
          Level.WARNING,
          "Writing {0} finished posts and {1} completed cycles failed ({2}); {3} kept to retry",
          new Object[] {finished.size(), completed.size(), e.getMessage(), retry.size()});
    }
  }
}
