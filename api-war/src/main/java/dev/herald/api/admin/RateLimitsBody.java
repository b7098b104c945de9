package dev.herald.api.admin;

/** A user bot's limits towards the Bot API. */
public record RateLimitsBody(Integer rateLimitRps, Integer maxConcurrentRequests) {}
