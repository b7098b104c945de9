package dev.herald.telegram.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A supergroup's slow mode: a non-admin may send one message per {@code delay} seconds in it.
 * Telegram offers only these delays; admins are exempt.
 */
public final class SlowMode {

  /** The delays Telegram's {@code channels.toggleSlowMode} accepts, in seconds (0 = off). */
  public static final List<Integer> DELAYS = List.of(0, 10, 30, 60, 300, 900, 3600);

  private SlowMode() {}

  static int checked(int seconds) {
    if (!DELAYS.contains(seconds)) {
      throw new IllegalArgumentException(
          "SECONDS_INVALID: slow mode is one of " + DELAYS + " seconds, not " + seconds);
    }
    return seconds;
  }

  /**
   * How long this member must still wait after its last message; empty when it may send. {@code
   * delay} is the chat's delay on the world's clock ({@link TelegramLimits#onThisClock}).
   */
  static Optional<Duration> remaining(Duration delay, Instant lastSent, Instant now) {
    if (delay.isZero() || lastSent == null) {
      return Optional.empty();
    }
    Instant allowed = lastSent.plus(delay);
    return now.isBefore(allowed) ? Optional.of(Duration.between(now, allowed)) : Optional.empty();
  }
}
