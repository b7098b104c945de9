package dev.herald.domain.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's subscription plan. Plan data arrives from three places (token claims, the admin API,
 * the billing webhook); {@link #updatedAt} is the time the data was true at, and older data never
 * overwrites newer data ({@link #replaceIfNewer}).
 *
 * <p>The rule that matters most: a plan whose {@code expiresAt} has passed is expired, whatever its
 * stored status says ({@link #effectiveStatus}).
 */
@Embeddable
public class Plan {

  @Enumerated(EnumType.STRING)
  @Column(name = "plan_status", nullable = false, length = 16)
  private PlanStatus status;

  @Column(name = "plan_expires_at")
  private Instant expiresAt;

  @Embedded private PlanLimits limits;

  @Column(name = "plan_updated_at", nullable = false)
  private Instant updatedAt;

  protected Plan() {}

  public Plan(PlanStatus status, Instant expiresAt, PlanLimits limits, Instant updatedAt) {
    this.status = Objects.requireNonNull(status, "status");
    this.expiresAt = expiresAt;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The plan of an account nobody has paid for yet: it cannot run a bot. */
  public static Plan none() {
    return new Plan(PlanStatus.INACTIVE, null, PlanLimits.defaults(), Instant.EPOCH);
  }

  public PlanStatus effectiveStatus(Instant now) {
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      return PlanStatus.EXPIRED;
    }
    return status;
  }

  public boolean allowsRunning(Instant now) {
    return effectiveStatus(now).allowsRunning();
  }

  /**
   * Returns {@code candidate} when it is newer than this plan, else this plan: the "newer data
   * wins" rule for plan data arriving out of order from tokens, admins and billing.
   */
  public Plan replaceIfNewer(Plan candidate) {
    return candidate.updatedAt.isAfter(updatedAt) ? candidate : this;
  }

  public PlanStatus status() {
    return status;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public PlanLimits limits() {
    return limits;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Same status, expiry and limits, whatever the time stamps. */
  public boolean sameTermsAs(Plan other) {
    return status == other.status
        && Objects.equals(expiresAt, other.expiresAt)
        && limits.equals(other.limits);
  }
}
