package dev.herald.telegram.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A sustained rate ({@code messages} per {@code per}) with a burst allowance: the shape of
 * Telegram's limits, which let short bursts through and then answer waits.
 */
public record Rate(int messages, Duration per, int burst) {

  public Rate {
    Objects.requireNonNull(per, "per");
    if (messages < 1 || burst < 1 || per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("A rate needs messages, burst >= 1 and a positive period");
    }
  }

  /** {@code messages} per {@code per}, all of which may come at once. */
  public static Rate of(int messages, Duration per) {
    return new Rate(messages, per, messages);
  }

  /** No limit at all (a sandbox with limits switched off). */
  public static Rate unlimited() {
    return new Rate(Integer.MAX_VALUE, Duration.ofNanos(1), Integer.MAX_VALUE);
  }

  public Rate withBurst(int value) {
    return new Rate(messages, per, value);
  }

  /** The same rate on a clock {@code factor} times faster; an unlimited rate stays unlimited. */
  Rate scaled(double factor) {
    return isUnlimited() ? this : new Rate(messages, TelegramLimits.scale(per, factor), burst);
  }

  public boolean isUnlimited() {
    return burst == Integer.MAX_VALUE;
  }

  /** Time for one message's allowance to come back. */
  Duration interval() {
    return per.dividedBy(messages);
  }

  /**
   * {@link #interval()} in nanoseconds, as integers: {@code Duration.dividedBy} goes through
   * BigDecimal, and a bucket is made for every account and every (account, chat) pair.
   */
  long intervalNanos() {
    try {
      return per.toNanos() / messages;
    } catch (ArithmeticException beyondLongNanos) {
      return interval().toNanos();
    }
  }
}
