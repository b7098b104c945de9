package dev.herald.domain.engine;

/**
 * What one cycle did, for the account's counters and activity log.
 *
 * @param refusals the attempts Telegram refused to their sender ({@code
 *     SendOutcome.SENDER_REFUSALS}): nothing was sent, and the chat may yet be posted in the cycle
 *     by another sender, so they do not count against the daily cap ({@link #posts})
 */
public record CycleTally(int attempts, int delivered, int failures, int floodWaits, int refusals) {

  /** A tally without refusals. */
  public CycleTally(int attempts, int delivered, int failures, int floodWaits) {
    this(attempts, delivered, failures, floodWaits, 0);
  }

  public static CycleTally empty() {
    return new CycleTally(0, 0, 0, 0);
  }

  public CycleTally plus(CycleTally other) {
    return new CycleTally(
        attempts + other.attempts,
        delivered + other.delivered,
        failures + other.failures,
        floodWaits + other.floodWaits,
        refusals + other.refusals);
  }

  /** The posts the daily cap counts: every attempt but those Telegram refused to their sender. */
  public int posts() {
    return attempts - refusals;
  }
}
