package dev.herald.domain.engine;

/**
 * What one cycle did, for the account's counters and activity log.
 *
 * @param unsent the attempts whose sender sent nothing ({@code
 *     SendOutcome.retryableByAnotherSender}: Telegram refused the sender, or the session could not
 *     send from here): the chat may yet be posted in the cycle by another sender, so they do not
 *     count against the daily cap ({@link #posts})
 */
public record CycleTally(int attempts, int delivered, int failures, int floodWaits, int unsent) {

  /** A tally where every attempt reached Telegram. */
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
        unsent + other.unsent);
  }

  /** The posts the daily cap counts: every attempt but those whose sender sent nothing. */
  public int posts() {
    return attempts - unsent;
  }
}
