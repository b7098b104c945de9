package dev.herald.api.events;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Reads and sends the state of accounts whose bot changed, off the dispatcher's thread: a state
 * read is several queries, and one slow read must not hold back every other account's events.
 * Accounts are spread over a few lanes, each drained by at most one task at a time, so one
 * account's states are sent in the order they were read; an account asked for again while it waits
 * is read once (the newest state is all a dashboard needs).
 */
final class StateFanOut {

  private final Lane[] lanes;
  private final Executor executor;
  private final LongConsumer readAndSend;

  StateFanOut(int lanes, Executor executor, LongConsumer readAndSend) {
    this.lanes = new Lane[Math.max(1, lanes)];
    for (int i = 0; i < this.lanes.length; i++) {
      this.lanes[i] = new Lane();
    }
    this.executor = executor;
    this.readAndSend = readAndSend;
  }

  void request(long accountId) {
    Lane lane = lanes[(int) Math.floorMod(accountId, (long) lanes.length)];
    if (lane.queued.add(accountId)) {
      lane.queue.add(accountId);
    }
    lane.drainIfIdle();
  }

  private final class Lane implements Runnable {
    final Set<Long> queued = ConcurrentHashMap.newKeySet();
    final Queue<Long> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean draining = new AtomicBoolean();

    void drainIfIdle() {
      if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
        executor.execute(this);
      }
    }

    @Override
    public void run() {
      try {
        for (Long account = queue.poll(); account != null; account = queue.poll()) {
          queued.remove(account); // a change from now on is read again
          readAndSend.accept(account);
        }
      } finally {
        draining.set(false);
        drainIfIdle(); // an account queued between the last poll and the flag
      }
    }
  }
}
