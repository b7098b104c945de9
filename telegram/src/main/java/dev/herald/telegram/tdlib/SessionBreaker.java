package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker for one session: after {@code threshold} transient failures in a row (a dead
 * connection, timeouts) sends fail fast for {@code openFor}, then one trial send may pass. MP Fault
 * Tolerance's {@code @CircuitBreaker} cannot do this: it keeps one breaker per method, so one dead
 * session would stop all sessions, and it counts exceptions while sends return outcomes.
 */
final class SessionBreaker {

  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private int failures;
  private Instant openUntil = Instant.MIN;

  SessionBreaker(int threshold, Duration openFor, Clock clock) {
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
  }

  synchronized boolean allows() {
    return !clock.instant().isBefore(openUntil);
  }

  /** Only transient errors say the session's link is sick; Telegram's verdicts reset the count. */
  synchronized void record(SendOutcome outcome) {
    if (!(outcome instanceof SendOutcome.TransientError)) {
      failures = 0;
      return;
    }
    failures++;
    if (failures >= threshold) {
      openUntil = clock.instant().plus(openFor);
      failures = threshold - 1; // Half-open: one more failure re-opens at once.
    }
  }
}
