package dev.herald.scheduler.engine;

import dev.herald.domain.shared.RepeatedFailureLog;
import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * Target changes written behind, like {@link WriteBehind}: queued by the lanes, written in one
 * batch on the same tick just before the ledger's flush, so a cycle's completion (and with it the
 * next run) is never written before the target changes of that cycle. Only the last change per
 * (sender, chat) is written; a failed batch is kept and written on the next tick (the records are
 * upserts: writing one twice is harmless).
 */
final class TargetWrites {

  private static final Logger LOG = Logger.getLogger(TargetWrites.class.getName());
  private final RepeatedFailureLog failures = new RepeatedFailureLog(LOG, "Writing target changes");

  private final TargetStore store;
  private final ConcurrentLinkedQueue<ChatTarget> queue = new ConcurrentLinkedQueue<>();
  private final Map<TargetKey, ChatTarget> retry = new LinkedHashMap<>();

  TargetWrites(TargetStore store) {
    this.store = store;
  }

  void add(ChatTarget target) {
    queue.add(target);
  }

  synchronized void flush() {
    Map<TargetKey, ChatTarget> batch = new LinkedHashMap<>(retry);
    retry.clear();
    for (ChatTarget target = queue.poll(); target != null; target = queue.poll()) {
      batch.put(target.key(), target);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      store.save(new ArrayList<>(batch.values()));
      failures.succeeded();
    } catch (RuntimeException e) {
      batch.forEach(retry::putIfAbsent);
      failures.failed(batch.size() + " target changes kept to retry (" + e.getMessage() + ")");
    }
  }
}
