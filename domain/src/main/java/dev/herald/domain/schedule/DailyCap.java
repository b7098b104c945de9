package dev.herald.domain.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The plan's {@code max_posts_per_day}, counted per account per day in the tenant's zone. The count
 * lives on the bot row in PostgreSQL as (day, posts): a cycle's completion adds its attempts (but
 * those whose sender sent nothing) to the count of its day, or starts the count afresh on a new
 * day; so a count from an earlier day is no count today.
 *
 * @param maxPerDay the plan's cap
 * @param countedDay the tenant's day the count is of; null before the first count
 * @param counted the posts started on {@code countedDay}
 */
public record DailyCap(int maxPerDay, LocalDate countedDay, int counted) {

  /** No cap worth counting: what a cycle without a plan's figures gets (tests, tools). */
  public static final DailyCap UNLIMITED = new DailyCap(Integer.MAX_VALUE, null, 0);

  /**
   * How many posts the account may still start on {@code today}: the cap minus what was counted,
   * when the count is today's; the whole cap on a new day. Never negative.
   */
  public int postsLeft(LocalDate today) {
    if (countedDay == null || !countedDay.equals(today)) {
      return maxPerDay;
    }
    return Math.max(0, maxPerDay - counted);
  }

  /** The tenant's day at {@code at}. */
  public static LocalDate day(Instant at, ZoneId zone) {
    return LocalDate.ofInstant(at, zone);
  }

  /**
   * When the tenant's next day begins: the first instant of tomorrow in {@code zone} (its local
   * midnight, or the end of a DST gap that swallows midnight).
   */
  public static Instant nextDayStart(Instant at, ZoneId zone) {
    return ActiveHours.firstInstantAtOrAfter(day(at, zone).plusDays(1).atStartOfDay(), zone);
  }
}
