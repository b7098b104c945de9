package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A circuit breaker for one session: after {@code threshold} transient failures in a row (a dead
 * connection, timeouts) sends fail fast for {@code openFor}, then one trial send may pass. MP Fault
 * Tolerance's {@code @CircuitBreaker} cannot do this: it keeps one breaker per method, so one dead
 * session would stop all sessions, and it counts exceptions while sends return outcomes. Opening is
 * logged once per run of failures, so an operator sees which session's link is sick.
 */
final class SessionBreaker {

  private static final Logger LOG = Logger.getLogger(SessionBreaker.class.getName());

  private final String name;
  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private int failures;
  private boolean tripped;
  private Instant openUntil = Instant.MIN;

  SessionBreaker(int threshold, Duration openFor, Clock clock) {
    this("A session", threshold, openFor, clock);
  }

  /** {@code name}: the session, as the log names it. */
  SessionBreaker(String name, int threshold, Duration openFor, Clock clock) {
    this.name = name;
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
  }

  synchronized boolean allows() {
    return !clock.instant().isBefore(openUntil);
  }

  /** Only transient errors say the session's link is sick; Telegram's verdicts reset the count. */
  synchronized void record(SendOutcome outcome) {
    if (!(outcome instanceof SendOutcome.TransientError failure)) {
      failures = 0;
      tripped = false;
      return;
    }
    failures++;
    if (failures >= threshold) {
      openUntil = clock.instant().plus(openFor);
      failures = threshold - 1; // Half-open: one more failure re-opens at once.
      if (!tripped) {
        tripped = true;
        LOG.log(
            Level.WARNING,
            "{0}: {1} transient failures in a row, the last: {2}; its sends fail at once for {3}"
                + " s, then one is tried (herald.tdlib.breaker-*)",
            new Object[] {
              name, String.valueOf(threshold), failure.reason(), String.valueOf(openFor.toSeconds())
            });
      }
    }
  }
}
