package dev.herald.telegram.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One {@link Rate} applied to one thing (an account, an account in a chat): full at first, one
 * token per message, refilled continuously. {@link #wait} only looks; {@link #take} spends, so a
 * send refused by a later rule spends nothing. Not thread-safe: the world's lock guards it.
 */
final class TokenBucket {

  private final int burst;

  /** {@link Rate#intervalNanos()}, kept: every look at the bucket needs it. */
  private final long intervalNanos;

  private double tokens;
  private Instant updated;

  TokenBucket(Rate rate, Instant now) {
    this.burst = rate.burst();
    this.intervalNanos = rate.intervalNanos();
    this.tokens = burst;
    this.updated = now;
  }

  /** How long until one message is allowed; zero when it is allowed now. */
  Duration wait(Instant now) {
    refill(now);
    if (tokens >= 1) {
      return Duration.ZERO;
    }
    double missing = 1 - tokens;
    return Duration.ofNanos((long) Math.ceil(missing * intervalNanos));
  }

  void take(Instant now) {
    refill(now);
    tokens -= 1;
  }

  private void refill(Instant now) {
    if (now.isAfter(updated)) {
      long elapsed = Duration.between(updated, now).toNanos();
      tokens = Math.min(burst, tokens + (double) elapsed / intervalNanos);
      updated = now;
    }
  }
}
