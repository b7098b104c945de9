package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.Sender;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A bounded record of recent sandbox posts plus counters that are never trimmed. */
final class SandboxRecorder {

  private final int capacity;
  private final Deque<SandboxDelivery> recent = new ArrayDeque<>();
  private final Map<String, AtomicLong> byOutcome = new ConcurrentHashMap<>();
  private final Map<Sender, AtomicLong> bySender = new ConcurrentHashMap<>();

  SandboxRecorder(int capacity) {
    this.capacity = capacity;
  }

  /** The number the next post of this sender will have, from 1 (asked only while counted). */
  long countFor(Sender sender) {
    return bySender.computeIfAbsent(sender, key -> new AtomicLong()).incrementAndGet();
  }

  void record(SandboxDelivery delivery) {
    byOutcome.computeIfAbsent(delivery.outcome().code(), key -> new AtomicLong()).incrementAndGet();
    synchronized (recent) {
      if (recent.size() == capacity) {
        recent.removeFirst();
      }
      recent.addLast(delivery);
    }
  }

  List<SandboxDelivery> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  Map<String, Long> counters() {
    Map<String, Long> copy = new TreeMap<>();
    byOutcome.forEach((code, count) -> copy.put(code, count.get()));
    return copy;
  }

  void clear() {
    synchronized (recent) {
      recent.clear();
    }
    byOutcome.clear();
    bySender.clear();
  }
}
