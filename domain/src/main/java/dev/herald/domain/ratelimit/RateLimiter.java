package dev.herald.domain.ratelimit;

import dev.herald.domain.shared.RateLimitedException;

/**
 * Counts requests per (limit, client) in storage every node shares and that survives a restart
 * (SPEC rule 11). Implemented with Bucket4j on PostgreSQL.
 */
public interface RateLimiter {

  /** Takes one request from the client's bucket for this limit. */
  RateLimitDecision tryAcquire(RateLimit limit, String client);

  /** Takes one request or throws {@link RateLimitedException}. */
  default RateLimitDecision acquire(RateLimit limit, String client) {
    RateLimitDecision decision = tryAcquire(limit, client);
    if (!decision.allowed()) {
      throw new RateLimitedException(limit.name(), limit.capacity(), decision.retryAfterSeconds());
    }
    return decision;
  }

  /** Forgets the client's bucket for this limit (a successful sign-in resets its failures). */
  void reset(RateLimit limit, String client);
}
