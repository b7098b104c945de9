/**
 * Per-client rate limits on the API: the global default, the sign-in limits, the RateLimit headers.
 */
package dev.herald.api.ratelimit;
