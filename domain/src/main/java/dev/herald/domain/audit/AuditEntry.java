package dev.herald.domain.audit;

import dev.herald.domain.shared.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One admin action. Entries are only ever appended, never changed. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends GeneratedIdEntity {

  @Column(name = "actor_account_id", nullable = false)
  private long actorAccountId;

  @Column(name = "actor_subject", nullable = false, length = 255)
  private String actorSubject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 64)
  private AuditAction action;

  @Column(name = "target_type", nullable = false, length = 32)
  private String targetType;

  @Column(name = "target_id", length = 64)
  private String targetId;

  @Column(length = 2000)
  private String details;

  @Column(name = "request_id", length = 64)
  private String requestId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AuditEntry() {}

  public AuditEntry(
      Actor actor,
      AuditAction action,
      String targetType,
      String targetId,
      String details,
      Instant at) {
    this.actorAccountId = actor.accountId();
    this.actorSubject = actor.subject();
    this.requestId = actor.requestId();
    this.action = action;
    this.targetType = targetType;
    this.targetId = targetId;
    this.details = details;
    this.createdAt = at;
  }

  public long actorAccountId() {
    return actorAccountId;
  }

  public String actorSubject() {
    return actorSubject;
  }

  public AuditAction action() {
    return action;
  }

  public String targetType() {
    return targetType;
  }

  public String targetId() {
    return targetId;
  }

  public String details() {
    return details;
  }

  public String requestId() {
    return requestId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
