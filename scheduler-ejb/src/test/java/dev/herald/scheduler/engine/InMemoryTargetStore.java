package dev.herald.scheduler.engine;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetStore;
import dev.herald.domain.telegram.Sender;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The engine tests' target records: one map for every account, with the number of reads. */
final class InMemoryTargetStore implements TargetStore {

  final Map<TargetKey, ChatTarget> saved = new ConcurrentHashMap<>();
  final AtomicInteger reads = new AtomicInteger();

  @Override
  public Map<TargetKey, ChatTarget> forAccount(long accountId) {
    reads.incrementAndGet();
    return Map.copyOf(saved);
  }

  /** Records of the other accounts, which {@link #forAccount} leaves out. */
  final Map<TargetKey, ChatTarget> elsewhere = new ConcurrentHashMap<>();

  final AtomicInteger elsewhereReads = new AtomicInteger();

  /** The sessions with records elsewhere, as if each had moved to its account lately. */
  @Override
  public Set<Long> movedSessions(Collection<Long> sessionIds, Instant since) {
    return elsewhere.keySet().stream()
        .map(TargetKey::senderId)
        .filter(sessionIds::contains)
        .collect(Collectors.toSet());
  }

  @Override
  public List<ChatTarget> ofSessionElsewhere(long sessionId, long accountId, Instant since) {
    elsewhereReads.incrementAndGet();
    return elsewhere.values().stream()
        .filter(t -> t.key().senderKind() == Sender.Kind.SESSION && t.key().senderId() == sessionId)
        .filter(t -> t.key().accountId() != accountId)
        .filter(
            t ->
                t.joinedAt().map(since::isBefore).orElse(false)
                    || t.memberSince().map(since::isBefore).orElse(false))
        .toList();
  }

  @Override
  public void save(List<ChatTarget> targets) {
    targets.forEach(t -> saved.put(t.key(), t));
  }

  @Override
  public Map<String, Instant> lastDelivered(long accountId) {
    return Map.of();
  }
}
