package dev.herald.domain.session;

import java.util.List;
import java.util.Optional;

/** Where pooled sessions and API pairs live, and the race-safe allocation of sessions. */
public interface SessionRepository {

  TelegramSession save(TelegramSession session);

  Optional<TelegramSession> findById(long id);

  /** The session as the database holds it now (after a change made outside this repository). */
  TelegramSession reload(TelegramSession session);

  /** Sessions assigned to the account (including cooling down ones), by id. */
  List<TelegramSession> assignedTo(long accountId);

  void delete(TelegramSession session);

  ApiPair save(ApiPair pair);

  Optional<ApiPair> findApiPair(long id);

  Optional<ApiPair> findApiPairByApiId(int apiId);

  /** How many sessions of the pair are assigned now. */
  long inUse(long apiPairId);

  /**
   * Assigns up to {@code count} unused sessions to the account, each from the API pair with the
   * most free capacity, never above a pair's capacity. Safe under concurrent callers: a session is
   * never assigned twice and a pair never exceeds its capacity. Returns the assigned ids.
   */
  List<Long> allocate(long accountId, int count);

  /**
   * Releases the account's in-use sessions beyond the first {@code count} back to the pool, keeping
   * those that can send now first, then the oldest (lowest id). Returns the released ids.
   */
  List<Long> keepAtMost(long accountId, int count);
}
