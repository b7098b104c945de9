package dev.herald.domain.engine;

/** What one cycle did, for the account's counters and activity log. */
public record CycleTally(int attempts, int delivered, int failures, int floodWaits) {

  public static CycleTally empty() {
    return new CycleTally(0, 0, 0, 0);
  }

  public CycleTally plus(CycleTally other) {
    return new CycleTally(
        attempts + other.attempts,
        delivered + other.delivered,
        failures + other.failures,
        floodWaits + other.floodWaits);
  }
}
