package dev.herald.api.ratelimit;

import dev.herald.domain.ratelimit.RateLimitDecision;
import jakarta.ws.rs.core.MultivaluedMap;

/** The IETF draft RateLimit header fields, and {@code Retry-After} on a refusal. */
public final class RateLimitHeaders {

  private RateLimitHeaders() {}

  public static void apply(RateLimitDecision decision, MultivaluedMap<String, Object> headers) {
    headers.putSingle("RateLimit-Limit", decision.limit());
    headers.putSingle("RateLimit-Remaining", decision.remaining());
    headers.putSingle("RateLimit-Reset", decision.resetSeconds());
    if (!decision.allowed()) {
      headers.putSingle("Retry-After", decision.retryAfterSeconds());
    }
  }
}
