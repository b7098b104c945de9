package dev.herald.domain.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event of an account's bot (cycle completed, flood wait, ban, replacement, auto-stop). */
@Entity
@Table(name = "activity_log")
public class ActivityEntry {

  @Id private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(nullable = false, length = 32)
  private String event;

  @Column(name = "reason_code", length = 64)
  private String reasonCode;

  @Column(length = 1000)
  private String message;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ActivityEntry() {}

  public long id() {
    return id;
  }

  public long accountId() {
    return accountId;
  }

  public String event() {
    return event;
  }

  public String reasonCode() {
    return reasonCode;
  }

  public String message() {
    return message;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
