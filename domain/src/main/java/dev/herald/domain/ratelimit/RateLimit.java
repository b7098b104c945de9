package dev.herald.domain.ratelimit;

import java.time.Duration;

/**
 * A named limit: at most {@code capacity} requests per {@code period} per client. The whole
 * capacity comes back at the end of each period (a fixed window per bucket), which is what "5
 * failed attempts per 15 minutes" means to a person.
 */
public record RateLimit(String name, long capacity, Duration period) {

  public RateLimit {
    if (capacity < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(
          "A rate limit needs a capacity >= 1 and a positive period");
    }
  }

  /** The bucket key of this limit for one client. */
  public String keyFor(String client) {
    return name + ":" + client;
  }
}
