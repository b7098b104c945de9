package dev.herald.domain.account;

import dev.herald.domain.plan.Plan;
import dev.herald.domain.shared.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant: the aggregate root for who someone is (the verified token's {@code sub}), what they may
 * do (role) and what they pay for (plan). An account owns at most one bot.
 */
@Entity
@Table(name = "account")
public class Account extends GeneratedIdEntity {

  @Column(nullable = false, unique = true, length = 255)
  private String subject;

  @Column(unique = true, length = 320)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(name = "password_hash", length = 512)
  private String passwordHash;

  @Embedded private Plan plan;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Account() {}

  public Account(String subject, String email, Role role, Plan plan, Instant createdAt) {
    this.subject = Objects.requireNonNull(subject, "subject");
    this.email = email == null ? null : normaliseEmail(email);
    this.role = Objects.requireNonNull(role, "role");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Emails compare without case and surrounding blanks, so one person cannot register twice. */
  public static String normaliseEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public String subject() {
    return subject;
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  public Role role() {
    return role;
  }

  public Plan plan() {
    return plan;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  /** Applies plan data if it is newer than what is stored; returns whether anything changed. */
  public boolean updatePlan(Plan candidate) {
    Plan chosen = plan.replaceIfNewer(candidate);
    if (chosen == plan) {
      return false;
    }
    boolean changed = !chosen.sameTermsAs(plan);
    plan = chosen;
    return changed;
  }
}
