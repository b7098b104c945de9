package dev.herald.domain.bot;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.BotPostsJson;
import dev.herald.domain.schedule.ActiveHours;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.PostType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's posting bot, one per account (its id is the account's id). It holds the validated
 * configuration, the status with its stop reason and when the next cycle is due.
 *
 * <p>The bot row has one concurrency model: the lease, the cycle and every status change that
 * depends on them belong to the engine and to single conditional UPDATE statements under the row
 * lock (the stop: {@link BotRepository#requestStop}); this entity maps none of those columns, so
 * JPA never writes back a lease or a cycle it read earlier. Its {@code @Version} only orders JPA
 * writers (configuration, start, suspend, activate) among themselves.
 */
@Entity
@Table(name = "bot")
public class Bot {

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private BotStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "stop_reason", length = 24)
  private StopReason stopReason;

  @Column(name = "last_error_reason", length = 500)
  private String lastErrorReason;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "bot_target_group", joinColumns = @JoinColumn(name = "account_id"))
  @OrderColumn(name = "position")
  @Column(name = "chat_ref", nullable = false, length = 300)
  private List<String> targetGroups = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "post_type", nullable = false, length = 16)
  private PostType postType;

  @Column(name = "post_text")
  private String postText;

  @Column(name = "forward_source", length = 300)
  private String forwardSource;

  /**
   * All posts with their formats, buttons and the rotation ({@link BotPostsJson}); null when the
   * flat columns above say it all (one plain post: rows saved before posts lists, and the common
   * case, whose cycles then cost no JSON parsing). The flat columns always hold the first post.
   */
  @Column(name = "content_json")
  private String contentJson;

  @Column(name = "delay_between_posts_s", nullable = false)
  private int delayBetweenPostsSeconds;

  @Column(name = "delay_between_cycles_s", nullable = false)
  private int delayBetweenCyclesSeconds;

  @Column(name = "jitter_percent", nullable = false)
  private int jitterPercent;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone = "UTC";

  @Column(name = "active_hours", length = ActiveHours.MAX_LENGTH)
  private String activeHours;

  @Column(name = "min_group_interval_min", nullable = false)
  private int minGroupIntervalMinutes;

  /** The tenant's day of {@link #postsToday}; the engine's completions write both (V85). */
  @Column(name = "posts_day", insertable = false, updatable = false)
  private LocalDate postsDay;

  @Column(name = "posts_today", insertable = false, updatable = false)
  private int postsToday;

  @Column(name = "next_run_at")
  private Instant nextRunAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Bot() {}

  public Bot(long accountId, BotConfig config, Instant now) {
    this.accountId = accountId;
    this.status = BotStatus.STOPPED;
    applyConfig(config, now);
  }

  public long accountId() {
    return accountId;
  }

  public BotStatus status() {
    return status;
  }

  public Optional<StopReason> stopReason() {
    return Optional.ofNullable(stopReason);
  }

  public Optional<String> lastErrorReason() {
    return Optional.ofNullable(lastErrorReason);
  }

  public Optional<Instant> nextRunAt() {
    return Optional.ofNullable(nextRunAt);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The posts counted against the daily cap on {@code today}, the tenant's day now. */
  public int postsOn(LocalDate today) {
    return postsOn(postsDay, postsToday, today);
  }

  /** {@link #postsOn(LocalDate)} over the row's {@code posts_day} and {@code posts_today}. */
  public static int postsOn(LocalDate postsDay, int postsToday, LocalDate today) {
    return today.equals(postsDay) ? postsToday : 0;
  }

  public BotConfig config() {
    return configOf(
        targetGroups,
        postType,
        postText,
        forwardSource,
        contentJson,
        delayBetweenPostsSeconds,
        delayBetweenCyclesSeconds,
        scheduleOf(jitterPercent, timeZone, activeHours, minGroupIntervalMinutes));
  }

  /** The schedule stored in a bot row's columns ({@code active_hours} null: always). */
  public static Schedule scheduleOf(
      int jitterPercent, String timeZone, String activeHours, int minGroupIntervalMinutes) {
    return new Schedule(
        jitterPercent,
        ZoneId.of(timeZone),
        ActiveHours.parse(activeHours),
        minGroupIntervalMinutes);
  }

  /**
   * The configuration stored in a bot row's columns: the posts of {@code content_json}, or when it
   * is null the one plain post of the flat columns. The entity and the one-statement state read
   * ({@link BotStateReads}) both read a row through here.
   */
  public static BotConfig configOf(
      List<String> targetGroups,
      PostType postType,
      String postText,
      String forwardSource,
      String contentJson,
      int delayBetweenPostsSeconds,
      int delayBetweenCyclesSeconds,
      Schedule schedule) {
    BotPosts content =
        contentJson != null
            ? BotPostsJson.read(contentJson)
            : BotPosts.of(
                postType == PostType.FORWARD
                    ? BotPost.forward(
                        forwardSource == null ? null : MessageLink.parse(forwardSource))
                    : BotPost.plainText(postText));
    return new BotConfig(
        targetGroups.stream().map(ChatReference::parse).toList(),
        content,
        delayBetweenPostsSeconds,
        delayBetweenCyclesSeconds,
        schedule);
  }

  public void applyConfig(BotConfig config, Instant now) {
    Objects.requireNonNull(config, "config");
    targetGroups.clear();
    config.targetGroups().forEach(group -> targetGroups.add(group.canonical()));
    postType = config.postType();
    postText = config.postText();
    forwardSource = config.forwardSource() == null ? null : config.forwardSource().toLink();
    contentJson = config.content().onePlainPost() ? null : BotPostsJson.write(config.content());
    delayBetweenPostsSeconds = config.delayBetweenPostsSeconds();
    delayBetweenCyclesSeconds = config.delayBetweenCyclesSeconds();
    Schedule schedule = config.schedule();
    jitterPercent = schedule.jitterPercent();
    timeZone = schedule.zone().getId();
    activeHours = schedule.activeHours().always() ? null : schedule.activeHours().canonical();
    minGroupIntervalMinutes = schedule.minGroupIntervalMinutes();
    updatedAt = now;
  }

  /**
   * Marks the bot running with its first cycle due now; the lifecycle service checks the rules
   * first.
   */
  public void markRunning(Instant now) {
    status = BotStatus.RUNNING;
    stopReason = null;
    lastErrorReason = null;
    nextRunAt = now;
    updatedAt = now;
  }

  public void suspend(Instant now) {
    status = BotStatus.SUSPENDED;
    stopReason = StopReason.ADMIN_SUSPENDED;
    nextRunAt = null;
    updatedAt = now;
  }

  /** Lifts an admin suspension: the bot is STOPPED with no reason; its user starts it again. */
  public void activate(Instant now) {
    if (status != BotStatus.SUSPENDED) {
      return;
    }
    status = BotStatus.STOPPED;
    stopReason = null;
    updatedAt = now;
  }
}
