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

  /** The Bot API's upload limit for a file (50 MB); a medium above it could not be sent. */
  public static final long MAX_MEDIA_BYTES_CEILING = 50L * 1024 * 1024;

  /** Media size and count of a plan that names none. */
  public static final long DEFAULT_MAX_MEDIA_BYTES = 10L * 1024 * 1024;

  public static final int DEFAULT_MAX_MEDIA_COUNT = 100;

  /** Posts one bot rotates through, of a plan that names no limit. */
  public static final int DEFAULT_MAX_POSTS_PER_BOT = 10;

  /**
   * Buttons per post of a plan that names no limit (a post under a wall of links reads as spam).
   */
  public static final int DEFAULT_MAX_BUTTONS = 12;

  /** Telegram's inline keyboard takes at most 100 buttons; posts per bot share the ceiling. */
  public static final int MAX_POSTS_AND_BUTTONS_CEILING = 100;

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

  @Column(name = "max_media_bytes", nullable = false)
  private long maxMediaBytes;

  @Column(name = "max_media_count", nullable = false)
  private int maxMediaCount;

  @Column(name = "max_posts_per_bot", nullable = false)
  private int maxPostsPerBot;

  @Column(name = "max_buttons", nullable = false)
  private int maxButtons;

  protected PlanLimits() {}

  public PlanLimits(
      int maxSessions,
      int maxGroups,
      int minDelayBetweenPostsSeconds,
      int minDelayBetweenCyclesSeconds,
      int maxPostsPerDay) {
    this(
        maxSessions,
        maxGroups,
        minDelayBetweenPostsSeconds,
        minDelayBetweenCyclesSeconds,
        maxPostsPerDay,
        DEFAULT_MAX_MEDIA_BYTES,
        DEFAULT_MAX_MEDIA_COUNT,
        DEFAULT_MAX_POSTS_PER_BOT,
        DEFAULT_MAX_BUTTONS);
  }

  public PlanLimits(
      int maxSessions,
      int maxGroups,
      int minDelayBetweenPostsSeconds,
      int minDelayBetweenCyclesSeconds,
      int maxPostsPerDay,
      long maxMediaBytes,
      int maxMediaCount,
      int maxPostsPerBot,
      int maxButtons) {
    this.maxSessions = requireRange("maxSessions", maxSessions, 1, MAX_SESSIONS_CEILING);
    this.maxGroups = requireRange("maxGroups", maxGroups, 1, 10_000);
    this.minDelayBetweenPostsSeconds =
        requireRange("minDelayBetweenPostsSeconds", minDelayBetweenPostsSeconds, 0, 86_400);
    this.minDelayBetweenCyclesSeconds =
        requireRange("minDelayBetweenCyclesSeconds", minDelayBetweenCyclesSeconds, 1, 604_800);
    this.maxPostsPerDay = requireRange("maxPostsPerDay", maxPostsPerDay, 1, 1_000_000);
    if (maxMediaBytes < 1 || maxMediaBytes > MAX_MEDIA_BYTES_CEILING) {
      throw new IllegalArgumentException(
          "maxMediaBytes must be between 1 and "
              + MAX_MEDIA_BYTES_CEILING
              + ", was "
              + maxMediaBytes);
    }
    this.maxMediaBytes = maxMediaBytes;
    this.maxMediaCount = requireRange("maxMediaCount", maxMediaCount, 0, 100_000);
    this.maxPostsPerBot =
        requireRange("maxPostsPerBot", maxPostsPerBot, 1, MAX_POSTS_AND_BUTTONS_CEILING);
    this.maxButtons = requireRange("maxButtons", maxButtons, 0, MAX_POSTS_AND_BUTTONS_CEILING);
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

  /** The largest file the account may upload, in bytes. */
  public long maxMediaBytes() {
    return maxMediaBytes;
  }

  /** How many media the account may keep stored at once. */
  public int maxMediaCount() {
    return maxMediaCount;
  }

  /** How many posts one bot may rotate through. */
  public int maxPostsPerBot() {
    return maxPostsPerBot;
  }

  /** How many URL buttons one post may carry (0: a plan without buttons). */
  public int maxButtons() {
    return maxButtons;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlanLimits other
        && maxSessions == other.maxSessions
        && maxGroups == other.maxGroups
        && minDelayBetweenPostsSeconds == other.minDelayBetweenPostsSeconds
        && minDelayBetweenCyclesSeconds == other.minDelayBetweenCyclesSeconds
        && maxPostsPerDay == other.maxPostsPerDay
        && maxMediaBytes == other.maxMediaBytes
        && maxMediaCount == other.maxMediaCount
        && maxPostsPerBot == other.maxPostsPerBot
        && maxButtons == other.maxButtons;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxSessions,
        maxGroups,
        minDelayBetweenPostsSeconds,
        minDelayBetweenCyclesSeconds,
        maxPostsPerDay,
        maxMediaBytes,
        maxMediaCount,
        maxPostsPerBot,
        maxButtons);
  }
}
