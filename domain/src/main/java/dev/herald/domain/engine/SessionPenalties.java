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

  /**
   * Parks the session {@code UNAVAILABLE} with {@code reason} until {@code retryAt}: it stays with
   * its account and is no sender until then; {@link Housekeeping#liftUnavailable} returns it.
   * Logged as {@code SESSION_PARKED}. Never a ban (rule 14).
   */
  void parkUnavailable(long accountId, long sessionId, Instant retryAt, String reason);

  /**
   * Parks the session {@code NEEDS_LOGIN}: it leaves the account (never banned) and a replacement
   * from the pool takes its place, as in {@link #banAndReplace}; with no free session and no other
   * usable sender the bot is marked idle. Logged as {@code SESSION_PARKED}. Returns the
   * replacement's id.
   */
  Optional<Long> parkNeedsLoginAndReplace(long accountId, long sessionId, String reason);

  /**
   * An admin takes the session off its account, back to the pool: a replacement from the pool takes
   * its place (found first, so the released session is never its own replacement), logged {@code
   * SESSION_REPLACED} with the reason code {@code reason} ({@code RELEASED}, {@code DELETED}); with
   * none free and no other usable sender the bot is marked idle. One transaction. Returns the
   * replacement's id.
   */
  Optional<Long> releaseAndReplace(long accountId, long sessionId, String reason);

  /**
   * Shows the tenant why the bot posts nothing ({@code last_error_reason}): no sender to send with,
   * the tenant's bot token refused, or a post Telegram refuses. The next cycle that delivers with
   * no post refused clears it.
   */
  void showError(long accountId, String reason);
}
