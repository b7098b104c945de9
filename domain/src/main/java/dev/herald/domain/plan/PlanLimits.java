package dev.herald.domain.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** What a plan lets an account use. Immutable; defaults are those of a new account. */
@Embeddable
public class PlanLimits {

  /**
   * Telegram's own guidance and the seeds' experience: more than 7 sessions per account gets
   * banned.
   */
  public static final int MAX_SESSIONS_CEILING = 7;

  @Column(name = "max_sessions", nullable = false)
  private int maxSessions;

  @Column(name = "max_groups", nullable = false)
  private int maxGroups;

  @Column(name = "min_delay_between_posts_s", nullable = false)
  private int minDelayBetweenPostsSeconds;

  @Column(name = "min_delay_between_cycles_s", nullable = false)
  private int minDelayBetweenCyclesSeconds;

  @Column(name = "max_posts_per_day", nullable = false)
  private int maxPostsPerDay;

  protected PlanLimits() {}

  public PlanLimits(
      int maxSessions,
      int maxGroups,
      int minDelayBetweenPostsSeconds,
      int minDelayBetweenCyclesSeconds,
      int maxPostsPerDay) {
    this.maxSessions = requireRange("maxSessions", maxSessions, 1, MAX_SESSIONS_CEILING);
    this.maxGroups = requireRange("maxGroups", maxGroups, 1, 10_000);
    this.minDelayBetweenPostsSeconds =
        requireRange("minDelayBetweenPostsSeconds", minDelayBetweenPostsSeconds, 0, 86_400);
    this.minDelayBetweenCyclesSeconds =
        requireRange("minDelayBetweenCyclesSeconds", minDelayBetweenCyclesSeconds, 1, 604_800);
    this.maxPostsPerDay = requireRange("maxPostsPerDay", maxPostsPerDay, 1, 1_000_000);
  }

  public static PlanLimits defaults() {
    return new PlanLimits(MAX_SESSIONS_CEILING, 50, 10, 300, 1_000);
  }

  private static int requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  public int maxSessions() {
    return maxSessions;
  }

  public int maxGroups() {
    return maxGroups;
  }

  public int minDelayBetweenPostsSeconds() {
    return minDelayBetweenPostsSeconds;
  }

  public int minDelayBetweenCyclesSeconds() {
    return minDelayBetweenCyclesSeconds;
  }

  public int maxPostsPerDay() {
    return maxPostsPerDay;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlanLimits other
        && maxSessions == other.maxSessions
        && maxGroups == other.maxGroups
        && minDelayBetweenPostsSeconds == other.minDelayBetweenPostsSeconds
        && minDelayBetweenCyclesSeconds == other.minDelayBetweenCyclesSeconds
        && maxPostsPerDay == other.maxPostsPerDay;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxSessions,
        maxGroups,
        minDelayBetweenPostsSeconds,
        minDelayBetweenCyclesSeconds,
        maxPostsPerDay);
  }
}
