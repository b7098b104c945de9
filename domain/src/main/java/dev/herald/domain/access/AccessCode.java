package dev.herald.domain.access;

import dev.herald.domain.plan.Plan;
import dev.herald.domain.shared.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * An access code: the SHA-256 of the code (never the code), the plan it grants, and the account it
 * created on first redemption. Later redemptions sign in to that same account.
 */
@Entity
@Table(name = "access_code")
public class AccessCode extends GeneratedIdEntity {

  @Column(name = "code_hash", nullable = false, unique = true, length = 64)
  private String codeHash;

  @Embedded private Plan plan;

  @Column(name = "account_id")
  private Long accountId;

  @Column(name = "created_by", nullable = false)
  private long createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "redeemed_at")
  private Instant redeemedAt;

  @Version private long version;

  protected AccessCode() {}

  public AccessCode(String codeHash, Plan plan, long createdBy, Instant createdAt) {
    this.codeHash = codeHash;
    this.plan = plan;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Plan plan() {
    return plan;
  }

  public Optional<Long> accountId() {
    return Optional.ofNullable(accountId);
  }

  public void redeemedBy(long accountId, Instant now) {
    this.accountId = accountId;
    this.redeemedAt = now;
  }
}
