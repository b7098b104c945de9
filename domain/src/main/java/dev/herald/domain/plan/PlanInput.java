package dev.herald.domain.plan;

import java.time.Instant;

/**
 * Plan terms as an admin, the billing webhook or a token sent them, before {@link PlanPolicy}
 * checked them. Limits may be null (the defaults apply), any single limit too.
 */
public record PlanInput(String status, Instant expiresAt, LimitsInput limits) {

  /** Plan limits as sent; null fields take the default. */
  public record LimitsInput(
      Integer maxSessions,
      Integer maxGroups,
      Integer minDelayBetweenPostsSeconds,
      Integer minDelayBetweenCyclesSeconds,
      Integer maxPostsPerDay,
      Long maxMediaBytes,
      Integer maxMediaCount,
      Integer maxPostsPerBot,
      Integer maxButtons) {}
}
