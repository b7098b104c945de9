package dev.herald.scheduler.engine;

import dev.herald.domain.engine.DeliveryLedger;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DeliveryLedger.Finished;
import dev.herald.domain.engine.DeliveryLedger.FlushId;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.shared.RepeatedFailureLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
 * lease, after which the lease has run out and the re-run covers them; a cycle's completion is
 * given up with its posts, so it is never written without their outcomes. A flush whose commit
 * failed may have been committed all the same: its retry carries the same {@link FlushId}, and the
 * ledger writes nothing twice (no post counted, logged or announced twice).
 */
final class WriteBehind {

  private static final Logger LOG = Logger.getLogger(WriteBehind.class.getName());

  /** A flush fails at every tick (milliseconds apart) while the database is away. */
  private final RepeatedFailureLog failures = new RepeatedFailureLog(LOG, "Writing sends behind");

  /** Something queued to be written, with when it was queued (to give up on it in time). */
  private sealed interface Item {
    Instant queuedAt();
  }

  /** A post's outcome for its delivery record. */
  private record FinishedPost(Instant queuedAt, Finished post) implements Item {}

  /** A cycle's end: counters, activity entry, next run, lease released. */
  private record CompletedCycle(Instant queuedAt, Completed cycle) implements Item {}

  /**
   * One run of a bot's cycle: its claim's lease too, since after an outage longer than the lease
   * this node may run the same cycle under a new claim while the earlier run's posts are queued.
   */
  private record CycleKey(long accountId, long cycleId, long lease) {
    static CycleKey of(DueCycle cycle) {
      return new CycleKey(cycle.accountId(), cycle.cycleId(), cycle.lease());
    }
  }

  /** Items sent to the ledger together under one id: a failed flush keeps its id for its retry. */
  private record Batch(FlushId id, List<Item> items) {}

  private final String node;
  private final DeliveryLedger ledger;
  private final Clock clock;
  private final Duration giveUpAfter;
  private final HeldLeases held;
  private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();

  /** This write-behind's flushes are numbered under an id of its own (see {@link FlushId}). */
  private final UUID writer = UUID.randomUUID();

  private long flushes;

  /**
   * The items of the last failed flush still to write (only touched under the flush lock), null
   * when none: retried alone, first, under the id they were sent with. A commit that fails may have
   * been committed all the same (the connection lost as the commit went out); the ledger then
   * writes nothing for that id again, which holds only while nothing is added to its items.
   */
  private Batch failed;

  /** Items taken from the queue and not sent yet, in order (only touched under the flush lock). */
  private final List<Item> waiting = new ArrayList<>();

  /**
   * The cycles whose post outcomes were given up and whose completion has not come yet (only
   * touched under the flush lock): it is given up when it comes.
   */
  private final Set<CycleKey> lostPosts = new HashSet<>();

  WriteBehind(
      String node, DeliveryLedger ledger, Clock clock, Duration giveUpAfter, HeldLeases held) {
    this.node = node;
    this.held = held;
    this.ledger = ledger;
    this.clock = clock;
    this.giveUpAfter = giveUpAfter;
  }

  void finished(Finished finished) {
    queue.add(new FinishedPost(clock.instant(), finished));
  }

  void completed(Completed completed) {
    queue.add(new CompletedCycle(clock.instant(), completed));
  }

  /** Writes everything queued so far; one flusher at a time keeps the queue's order. */
  void flush() {
    flush(() -> {});
  }

  /**
   * Takes everything queued so far, runs {@code first}, then writes what it took: what {@code
   * first} writes (the target changes) then holds every change queued before these items were
   * taken, and an item queued while it runs waits for the next flush. Should {@code first} throw,
   * the items taken wait for the next flush too. The items of a failed flush are written first,
   * alone; should that fail again, everything else waits too.
   */
  synchronized void flush(Runnable first) {
    for (Item item = queue.poll(); item != null; item = queue.poll()) {
      waiting.add(item);
    }
    first.run();
    // The completion of a cycle whose posts an earlier flush gave up goes too: a cycle's posts are
    // queued before its completion (a long cycle's first ones seconds before), and written
    // completed, the cycle would show those posts SENDING while the warning said it runs again.
    // Only after an outage: on the flush's usual path the set is empty and the items not walked.
    if (!lostPosts.isEmpty()) {
      int earlierCycles = failed == null ? 0 : dropCompletionsOfLostPosts(failed.items());
      warnGivenUp(0, earlierCycles + dropCompletionsOfLostPosts(waiting));
    }
    if (failed != null && !failed.items().isEmpty() && !write(failed)) {
      return;
    }
    failed = null;
    if (waiting.isEmpty()) {
      return;
    }
    Batch batch = new Batch(new FlushId(writer, ++flushes), new ArrayList<>(waiting));
    waiting.clear();
    write(batch);
  }

  /** Removes the completions of cycles whose posts were given up; answers how many. */
  private int dropCompletionsOfLostPosts(List<Item> items) {
    int dropped = 0;
    for (Iterator<Item> it = items.iterator(); it.hasNext(); ) {
      if (it.next() instanceof CompletedCycle done
          && lostPosts.remove(CycleKey.of(done.cycle().cycle()))) {
        it.remove();
        held.released(done.cycle().cycle().accountId());
        dropped++;
      }
    }
    return dropped;
  }

  /**
   * Writes a batch in one ledger flush. Answers whether it was written; if not, it is the batch
   * {@link #failed}, less what was given up.
   */
  private boolean write(Batch batch) {
    List<Finished> finished = new ArrayList<>();
    List<Completed> completed = new ArrayList<>();
    for (Item item : batch.items()) {
      if (item instanceof FinishedPost post) {
        finished.add(post.post());
      } else if (item instanceof CompletedCycle cycle) {
        completed.add(cycle.cycle());
      }
    }
    // Until written, it is the failed batch: should the flush throw an Error, it is retried.
    failed = batch;
    try {
      // One transaction: a completed cycle never shows a post still SENDING.
      ledger.flush(node, batch.id(), finished, completed);
      failed = null;
      completed.forEach(done -> held.released(done.cycle().accountId()));
      failures.succeeded();
      return true;
    } catch (RuntimeException e) {
      List<Item> kept = new ArrayList<>(batch.items());
      giveUpOldItems(kept);
      failed = kept.isEmpty() ? null : new Batch(batch.id(), kept);
      failures.failed(
          finished.size()
              + " finished posts and "
              + completed.size()
              + " completed cycles not written ("
              + e.getMessage()
              + "); "
              + (kept.size() + waiting.size())
              + " kept to retry");
      return false;
    }
  }

  /**
   * After a failed flush: gives up the unwritten items (of {@code sent}, and those waiting behind
   * it) older than the lease, and the completions of cycles whose posts it gave up. Their leases
   * run out and those cycles run again.
   */
  private void giveUpOldItems(List<Item> sent) {
    Instant cutoff = clock.instant().minus(giveUpAfter);
    List<List<Item>> unwritten = List.of(sent, waiting);
    for (List<Item> items : unwritten) {
      for (Item item : items) {
        if (item instanceof FinishedPost post && !item.queuedAt().isAfter(cutoff)) {
          lostPosts.add(CycleKey.of(post.post().cycle()));
        }
      }
    }
    int postsGivenUp = 0;
    int cyclesGivenUp = 0;
    for (List<Item> items : unwritten) {
      for (Iterator<Item> it = items.iterator(); it.hasNext(); ) {
        Item item = it.next();
        boolean old = !item.queuedAt().isAfter(cutoff);
        if (item instanceof CompletedCycle done
            && (lostPosts.remove(CycleKey.of(done.cycle().cycle())) || old)) {
          // Given up: its lease runs out and the cycle runs again.
          held.released(done.cycle().cycle().accountId());
          it.remove();
          cyclesGivenUp++;
        } else if (old) {
          it.remove();
          postsGivenUp++;
        }
      }
    }
    warnGivenUp(postsGivenUp, cyclesGivenUp);
  }

  /** Not a repeat of an outage but a loss of its own, once per item: always a warning. */
  private static void warnGivenUp(int posts, int cycles) {
    if (posts + cycles == 0) {
      return;
    }
    LOG.log(
        Level.WARNING,
        "Gave up writing {0} post outcomes and {1} cycle completions: those posts keep their"
            + " SENDING record (never sent again), those cycles run again when their leases run"
            + " out",
        new Object[] {String.valueOf(posts), String.valueOf(cycles)});
  }
}
