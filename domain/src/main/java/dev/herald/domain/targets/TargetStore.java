package dev.herald.domain.targets;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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

  /**
   * The chat id session {@code sessionId}'s records hold for {@code chat} (a canonical reference
   * without a topic), under any topic, in any account it posts for; empty when none resolved it. A
   * client opened on another node has no chat cache: it finds the chat by this id instead of
   * resolving its username again.
   */
  default OptionalLong chatIdOf(long sessionId, String chat) {
    return OptionalLong.empty();
  }

  /** Inserts or replaces these records, in one statement batch. */
  void save(List<ChatTarget> targets);

  /** When each of the account's chats last had a post delivered, by canonical chat reference. */
  Map<String, Instant> lastDelivered(long accountId);
}
