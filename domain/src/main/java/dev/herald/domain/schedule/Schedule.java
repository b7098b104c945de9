package dev.herald.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a bot posts, beyond its two delays: jitter on both delays, its active hours and time zone,
 * and the minimum interval between two posts to one group. The zone is also the tenant's day for
 * the plan's daily cap ({@link DailyCap}).
 *
 * @param jitterPercent 0 to 50: each delay is stretched by a uniform random share of up to this
 *     percentage ({@link #jittered}); it never shortens a delay, so the plan's minimums hold
 * @param zone an IANA zone id; UTC by default
 * @param activeHours when the bot may post, in {@code zone}; {@link ActiveHours#ALWAYS} by default
 * @param minGroupIntervalMinutes a group is posted to at most once in this many minutes (a
 *     community's rule); 0 for no such limit
 */
public record Schedule(
    int jitterPercent, ZoneId zone, ActiveHours activeHours, int minGroupIntervalMinutes) {

  public static final int MAX_JITTER_PERCENT = 50;

  /** A week. */
  public static final int MAX_GROUP_INTERVAL_MINUTES = 10_080;

  /** No jitter, UTC, always active, no group interval. */
  public static final Schedule NONE = new Schedule(0, ZoneId.of("UTC"), ActiveHours.ALWAYS, 0);

  public Schedule {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(activeHours, "activeHours");
    if (jitterPercent < 0 || jitterPercent > MAX_JITTER_PERCENT) {
      throw new IllegalArgumentException("jitterPercent must be 0 to 50, was " + jitterPercent);
    }
    if (minGroupIntervalMinutes < 0 || minGroupIntervalMinutes > MAX_GROUP_INTERVAL_MINUTES) {
      throw new IllegalArgumentException(
          "minGroupIntervalMinutes must be 0 to 10080, was " + minGroupIntervalMinutes);
    }
  }

  /**
   * Jitter: {@code delay} stretched by {@code unit} (uniform in [0, 1)) times the jitter share, so
   * the result is uniform in [delay, delay × (1 + jitter %)). Without jitter, {@code delay}.
   */
  public Duration jittered(Duration delay, double unit) {
    if (jitterPercent == 0 || delay.isZero()) {
      return delay;
    }
    long extraMs = (long) (delay.toMillis() * (jitterPercent / 100.0) * unit);
    return delay.plusMillis(extraMs);
  }

  /** Whether the bot may post at {@code at} (inside its active hours). */
  public boolean mayPostAt(Instant at) {
    return activeHours.contains(at, zone);
  }

  /** The earliest instant at or after {@code at} inside the active hours. */
  public Instant nextAllowed(Instant at) {
    return activeHours.nextAllowed(at, zone);
  }

  /** The minimum interval between two posts to one group; zero when there is none. */
  public Duration minGroupInterval() {
    return Duration.ofMinutes(minGroupIntervalMinutes);
  }
}
