package dev.herald.api.auth;

import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanClaims;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;

/**
 * A bearer token whose signature, issuer, audience and times {@link TokenVerifier} checked: the
 * request's principal. Its name is the token's {@code sub}, the only identity Herald takes from a
 * request (SPEC rule 1); its roles are the {@code groups} claim. One instance serves every request
 * that presents the same token on this node, so what is derived from the claims (the plan) is
 * derived once.
 */
public final class VerifiedToken implements Principal {

  private final String subject;
  private final Set<String> groups;
  private final Instant expiresAt;
  private final JwtClaims claims;
  private volatile ClaimedPlan plan;

  /** The plan claims read once: the plan, or why the claims could not be read. */
  public record ClaimedPlan(Optional<Plan> plan, String invalid) {}

  VerifiedToken(String subject, Set<String> groups, Instant expiresAt, JwtClaims claims) {
    this.subject = subject;
    this.groups = Set.copyOf(groups);
    this.expiresAt = expiresAt;
    this.claims = claims;
  }

  @Override
  public String getName() {
    return subject;
  }

  public String subject() {
    return subject;
  }

  public boolean inRole(String role) {
    return groups.contains(role);
  }

  /** The {@code exp} claim; the verifier keeps the token until then (plus the clock skew). */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** A claim's value as jose4j parsed it (String, Long, List, Map), or null. */
  public Object claim(String name) {
    return claims.getClaimValue(name);
  }

  /** The token's plan claims ({@link PlanClaims}), parsed on first use. */
  public ClaimedPlan claimedPlan() {
    ClaimedPlan parsed = plan;
    if (parsed == null) {
      try {
        parsed = new ClaimedPlan(PlanClaims.parse(this::claim), null);
      } catch (IllegalArgumentException | ClassCastException invalid) {
        parsed = new ClaimedPlan(Optional.empty(), invalid.getMessage());
      }
      plan = parsed;
    }
    return parsed;
  }

  @Override
  public String toString() {
    return "VerifiedToken[" + subject + "]";
  }
}
