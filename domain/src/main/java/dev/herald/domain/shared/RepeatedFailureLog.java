package dev.herald.domain.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log of one thing that fails again and again while its cause lasts (the database away: a claim
 * poll fails ten times a second, every API request once): the first failure at WARNING, the repeats
 * at FINE with a WARNING reminder once a minute that counts them, and one INFO line when it works
 * again. A ten-minute outage is a dozen lines per node that say when it began, how it went and when
 * it ended, instead of thousands that bury them. (Numbers are logged as strings: {@code
 * MessageFormat} would print 1234 as "1,234".) Thread-safe; {@link #succeeded()} is one volatile
 * read while nothing fails, so a request path may call it every time.
 */
public final class RepeatedFailureLog {

  static final Duration REMIND_EVERY = Duration.ofMinutes(1);

  private final Logger log;
  private final String what;
  private final InstantSource clock;
  private final Duration remindEvery;

  private volatile boolean failing;
  private Instant since;
  private Instant reminded;
  private long failures;
  private long failuresSinceReminder;

  /** {@code what} names the work in a sentence: "Claiming due cycles". */
  public RepeatedFailureLog(Logger log, String what) {
    this(log, what, InstantSource.system(), REMIND_EVERY);
  }

  RepeatedFailureLog(Logger log, String what, InstantSource clock, Duration remindEvery) {
    this.log = log;
    this.what = what;
    this.clock = clock;
    this.remindEvery = remindEvery;
  }

  /**
   * One more failure, {@code detail} saying what went wrong. Without {@link #succeeded()} calls (a
   * caller that only sees failures), a failure after a quiet minute starts a new episode.
   */
  public synchronized void failed(String detail) {
    Instant now = clock.instant();
    if (failing && !now.isBefore(reminded.plus(remindEvery))) {
      if (failuresSinceReminder == 0) {
        // Nothing since the last line: the previous episode ended unnoticed; this is a new one.
        failing = false;
      } else {
        failures++;
        log.log(
            Level.WARNING,
            "{0} still fails: {1} times since {2}, {3} in the last {4} s; the last: {5}",
            new Object[] {
              what,
              Long.toString(failures),
              since,
              Long.toString(failuresSinceReminder + 1),
              Long.toString(Duration.between(reminded, now).toSeconds()),
              detail
            });
        reminded = now;
        failuresSinceReminder = 0;
        return;
      }
    }
    if (!failing) {
      failing = true;
      since = now;
      reminded = now;
      failures = 1;
      failuresSinceReminder = 0;
      log.log(
          Level.WARNING,
          "{0} failed: {1} (repeats are counted, logged once a minute, until it works again)",
          new Object[] {what, detail});
      return;
    }
    failures++;
    failuresSinceReminder++;
    log.log(Level.FINE, "{0} failed again: {1}", new Object[] {what, detail});
  }

  /** It worked: after failures, says so once, with how many there were and for how long. */
  public void succeeded() {
    if (!failing) {
      return;
    }
    synchronized (this) {
      if (!failing) {
        return;
      }
      failing = false;
      log.log(
          Level.INFO,
          "{0} works again after {1} failures over {2} s",
          new Object[] {
            what,
            Long.toString(failures),
            Long.toString(Duration.between(since, clock.instant()).toSeconds())
          });
    }
  }
}
