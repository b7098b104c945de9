package dev.herald.domain.ratelimit;

/**
 * The outcome of taking one request from a bucket: allowed or not, the limit, what is left, and the
 * seconds until the bucket is full again ({@code RateLimit-Reset}) or, when refused, until the next
 * request can pass ({@code Retry-After}).
 */
public record RateLimitDecision(
    boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {}
