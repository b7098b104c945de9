package dev.herald.domain.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * What happens to a sender that cannot go on (SPEC rules 8 and 9), each change with its activity
 * entry in the same transaction.
 */
public interface SessionPenalties {

  /** The session waits until {@code until}; logged as {@code FLOOD_WAIT} with {@code reason}. */
  void coolDownSession(long accountId, long sessionId, Instant until, String reason);

  /**
   * Bans the session, moves it off the account and assigns a replacement from the pool, in one
   * transaction, logging {@code SESSION_BANNED} and {@code SESSION_REPLACED}; with no free session
   * the bot is marked idle. The one ban path: the engine's bans and an admin's go through it.
   * Returns the replacement's id.
   */
  Optional<Long> banAndReplace(long accountId, long sessionId, String reason);

  /** Marks a running bot idle: nothing to send with; the user sees {@code reason}. */
  void markIdle(long accountId, String reason);
}
