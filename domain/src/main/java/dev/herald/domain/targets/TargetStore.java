package dev.herald.domain.targets;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where the per-sender target records live (PostgreSQL). */
public interface TargetStore {

  /** Every target record of one account: the engine reads them once per cycle. */
  Map<TargetKey, ChatTarget> forAccount(long accountId);

  /**
   * The records of several accounts at once (the engine reads a claimed batch's in one round trip
   * instead of one per cycle); every account asked for has an entry, empty when it has none.
   */
  default Map<Long, Map<TargetKey, ChatTarget>> forAccounts(Collection<Long> accountIds) {
    Map<Long, Map<TargetKey, ChatTarget>> all = new HashMap<>();
    accountIds.forEach(id -> all.put(id, forAccount(id)));
    return all;
  }

  /**
   * The records of session {@code sessionId} in the accounts other than {@code accountId} that
   * joined or became a member after {@code since}: Telegram paces joins and counts new chats per
   * Telegram account, whatever tenant the session posts for ({@link TargetRules#historySince}).
   */
  default List<ChatTarget> ofSessionElsewhere(long sessionId, long accountId, Instant since) {
    return List.of();
  }

  /**
   * Of {@code sessionIds}, those assigned to their account after {@code since} while they had
   * records in another: only theirs can count there ({@link #ofSessionElsewhere}).
   */
  default Set<Long> movedSessions(Collection<Long> sessionIds, Instant since) {
    return Set.of();
  }

  /** Inserts or replaces these records, in one statement batch. */
  void save(List<ChatTarget> targets);

  /** When each of the account's chats last had a post delivered, by canonical chat reference. */
  Map<String, Instant> lastDelivered(long accountId);
}
