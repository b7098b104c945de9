package dev.herald.api.ratelimit;

import dev.herald.domain.ratelimit.RateLimitDecision;
import jakarta.ws.rs.core.MultivaluedMap;

/** The IETF draft RateLimit header fields, and {@code Retry-After} on a refusal. */
public final class RateLimitHeaders {

  public static final String LIMIT = "RateLimit-Limit";
  public static final String REMAINING = "RateLimit-Remaining";
  public static final String RESET = "RateLimit-Reset";
  public static final String RETRY_AFTER = "Retry-After";

  private RateLimitHeaders() {}

  public static void apply(RateLimitDecision decision, MultivaluedMap<String, Object> headers) {
    headers.putSingle(LIMIT, decision.limit());
    headers.putSingle(REMAINING, decision.remaining());
    headers.putSingle(RESET, decision.resetSeconds());
    if (!decision.allowed()) {
      headers.putSingle(RETRY_AFTER, decision.retryAfterSeconds());
    }
  }
}
