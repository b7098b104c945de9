package dev.herald.system;

import dev.herald.launcher.Pause;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waiting for something a test expects to become true: poll with a deadline, never a fixed sleep.
 */
public final class Poll {

  private Poll() {}

  /** Returns how long it took; fails with {@code what} when the deadline passes. */
  public static Duration until(String what, Duration timeout, Supplier<Boolean> condition) {
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    while (true) {
      if (Boolean.TRUE.equals(condition.get())) {
        return Duration.between(start, Instant.now());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + timeout + ": " + what);
      }
      Pause.of(Duration.ofMillis(200));
    }
  }
}
