package dev.herald.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Warm-up of newly added sessions (issue 14 item 5): on age day {@code d} (1 on the day it was
 * added) a session posts at most {@code postsPerHour.get(d - 1)} times an hour; past the last day
 * there is no limit. Configured by {@code herald.sessions.warmup-posts-per-hour} (e.g. {@code
 * 5,10,20,40}; empty: no warm-up) and fixed for a session when it is added. The posts of the hour
 * are counted in PostgreSQL as deliveries start (V71's trigger, whose age day is {@code
 * session_warmup_day}, SQL twin of {@link #ageDay}); a session at its budget is paused until the
 * next hour, which the usable-session rule ({@link TelegramSession#usable}) honours.
 */
public record SessionWarmup(List<Integer> postsPerHour) {

  public static final SessionWarmup NONE = new SessionWarmup(List.of());

  public SessionWarmup {
    postsPerHour = List.copyOf(postsPerHour);
    if (postsPerHour.stream().anyMatch(posts -> posts < 1)) {
      throw new IllegalArgumentException("Warm-up budgets are posts per hour, at least 1 each.");
    }
  }

  /** Parses {@code 5,10,20,40}; blank is no warm-up. */
  public static SessionWarmup parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    try {
      return new SessionWarmup(
          java.util.Arrays.stream(setting.split(","))
              .map(String::trim)
              .map(Integer::valueOf)
              .toList());
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(
          "herald.sessions.warmup-posts-per-hour must be posts per hour by day, e.g. 5,10,20,40;"
              + " got "
              + setting,
          notANumber);
    }
  }

  public boolean enabled() {
    return !postsPerHour.isEmpty();
  }

  /** The session's age day at {@code now}: 1 on the day it was added (24 h days). */
  public static int ageDay(Instant startedAt, Instant now) {
    return (int) Math.floorDiv(Duration.between(startedAt, now).toSeconds(), 86_400L) + 1;
  }

  /** The hourly budget on the session's age day at {@code now}; empty once warm-up is over. */
  public static OptionalInt budget(List<Integer> postsPerHour, Instant startedAt, Instant now) {
    int day = ageDay(startedAt, now);
    return day >= 1 && day <= postsPerHour.size()
        ? OptionalInt.of(postsPerHour.get(day - 1))
        : OptionalInt.empty();
  }

  /**
   * A warming session's use as PostgreSQL counts it: when it started, its budgets, the posts of
   * {@code hour} and until when it is paused (empty when not).
   */
  public record Use(
      long sessionId,
      Instant startedAt,
      List<Integer> postsPerHour,
      Optional<Instant> hour,
      int posts,
      Optional<Instant> pausedUntil) {

    /** The posts of the hour that holds {@code now} (0 when the last counted hour is over). */
    public int postsThisHour(Instant now) {
      return hour.filter(h -> !now.isBefore(h) && now.isBefore(h.plus(Duration.ofHours(1))))
          .map(h -> posts)
          .orElse(0);
    }

    /**
     * How many more posts the session may start in the hour that holds {@code now}: its budget on
     * today's age day less the posts of the hour, never below 0; empty once warm-up is over. The
     * engine's claim hands it to the cycle with the session (SQL twin: {@code
     * SessionSql.warmupPostsLeft}), so a cycle never starts more than the budget allows.
     */
    public OptionalInt postsLeft(Instant now) {
      OptionalInt budget = budget(postsPerHour, startedAt, now);
      return budget.isEmpty()
          ? budget
          : OptionalInt.of(Math.max(0, budget.getAsInt() - postsThisHour(now)));
    }
  }
}
