package dev.herald.domain.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, so time rules are checked without waiting. Shared with the other
 * modules' tests through domain's test jar.
 */
public final class MutableClock extends Clock {

  private volatile Instant now;

  /** Where real time is counted from when the clock ticks ({@link #ticking}), else -1. */
  private final long ticksFromNanos;

  public MutableClock(Instant start) {
    this(start, -1);
  }

  private MutableClock(Instant start, long ticksFromNanos) {
    this.now = start;
    this.ticksFromNanos = ticksFromNanos;
  }

  /**
   * A clock that also moves with real time, for rules measured in milliseconds (a sender's pace) in
   * a test that moves days by hand too.
   */
  public static MutableClock ticking(Instant start) {
    return new MutableClock(start, System.nanoTime());
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return ticksFromNanos < 0 ? now : now.plusNanos(System.nanoTime() - ticksFromNanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
