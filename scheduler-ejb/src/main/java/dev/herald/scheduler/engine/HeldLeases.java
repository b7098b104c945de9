package dev.herald.scheduler.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bots this node holds a lease on, from its claim until the flush that completes the cycle, so
 * the heartbeat extends them by primary key. Finding them by owner in the database would need an
 * index on the lease owner, and every claim would then update that index instead of updating the
 * row in place. Counted, because a completed bot can be claimed again before the flush that
 * released it has told this book.
 */
final class HeldLeases {

  private final Map<Long, Integer> held = new ConcurrentHashMap<>();

  void claimed(long accountId) {
    held.merge(accountId, 1, Integer::sum);
  }

  /** The cycle ended and its completion was written (or given up: then the lease runs out). */
  void released(long accountId) {
    held.computeIfPresent(accountId, (id, count) -> count > 1 ? count - 1 : null);
  }

  List<Long> accounts() {
    return List.copyOf(held.keySet());
  }

  int size() {
    return held.size();
  }
}
