package dev.herald.domain.userbot;

import java.util.Optional;

/**
 * A user bot's requests to Telegram: the limits an admin set for them ({@code rate_limit_rps},
 * {@code max_concurrent_requests}: {@code PUT /admin/bots/{accountId}/rate-limits}) and how many it
 * made ({@code total_requests}). Keyed by the bot's account, as the engine's senders are.
 */
public interface UserBotRequests {

  /** At most {@code perSecond} requests start in a second, at most {@code atOnce} in flight. */
  record Limits(int perSecond, int atOnce) {

    /** A new user bot's, and a sender's whose bot is gone. */
    public static final Limits DEFAULT =
        new Limits(UserBot.DEFAULT_RATE_LIMIT_RPS, UserBot.DEFAULT_MAX_CONCURRENT_REQUESTS);

    public Limits {
      if (perSecond < 1 || atOnce < 1) {
        throw new IllegalArgumentException("limits must be positive: " + perSecond + "/" + atOnce);
      }
    }
  }

  /** The limits stored for the user bot of {@code accountId}; empty when it has none. */
  Optional<Limits> limitsOf(long accountId);

  /** Adds {@code requests} to the bot's {@code total_requests} and marks it used now. */
  void count(long accountId, long requests);
}
