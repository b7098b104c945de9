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
 * @param uncounted the posts of the cycle's earlier runs that no completion counted: a run whose
 *     node crashed, or that lost its lease in a database outage, completes nothing (its cycle is
 *     continued by a later claim). Those started on the tenant's current day (the claim leaves out
 *     earlier ones): they count as today's, and the continuation's completion adds them to the
 *     count with its own
 */
public record DailyCap(int maxPerDay, LocalDate countedDay, int counted, int uncounted) {

  /** No cap worth counting: what a cycle without a plan's figures gets (tests, tools). */
  public static final DailyCap UNLIMITED = new DailyCap(Integer.MAX_VALUE, null, 0);

  /** A count with nothing left uncounted: the cycle's first run. */
  public DailyCap(int maxPerDay, LocalDate countedDay, int counted) {
    this(maxPerDay, countedDay, counted, 0);
  }

  /**
   * How many posts the account may still start on {@code today}: the cap minus what was counted,
   * when the count is today's (the whole cap on a new day), minus the posts not counted yet. Never
   * negative.
   */
  public int postsLeft(LocalDate today) {
    int countedToday = countedDay != null && countedDay.equals(today) ? counted : 0;
    return Math.max(0, maxPerDay - countedToday - uncounted);
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
