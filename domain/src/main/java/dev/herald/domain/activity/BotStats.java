package dev.herald.domain.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's counters, kept by the engine at the end of every cycle. */
@Entity
@Table(name = "bot_stats")
public class BotStats {

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Column(name = "total_posts")
  private long totalPosts;

  @Column(name = "total_success")
  private long totalSuccess;

  @Column(name = "total_failures")
  private long totalFailures;

  @Column(name = "total_flood_waits")
  private long totalFloodWaits;

  @Column(name = "messages_sent")
  private long messagesSent;

  @Column(name = "last_activity_at")
  private Instant lastActivityAt;

  protected BotStats() {}

  private BotStats(long accountId) {
    this.accountId = accountId;
  }

  /** The counters of an account whose bot has not run yet. */
  public static BotStats none(long accountId) {
    return new BotStats(accountId);
  }

  public long totalPosts() {
    return totalPosts;
  }

  public long totalSuccess() {
    return totalSuccess;
  }

  public long totalFailures() {
    return totalFailures;
  }

  public long totalFloodWaits() {
    return totalFloodWaits;
  }

  public long messagesSent() {
    return messagesSent;
  }

  public Instant lastActivityAt() {
    return lastActivityAt;
  }
}
