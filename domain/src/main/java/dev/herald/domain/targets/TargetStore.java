package dev.herald.domain.targets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where the per-sender target records live (PostgreSQL). */
public interface TargetStore {

  /** Every target record of one account: the engine reads them once per cycle. */
  Map<TargetKey, ChatTarget> forAccount(long accountId);

  /** Inserts or replaces these records, in one statement batch. */
  void save(List<ChatTarget> targets);

  /** When each of the account's chats last had a post delivered, by canonical chat reference. */
  Map<String, Instant> lastDelivered(long accountId);
}
