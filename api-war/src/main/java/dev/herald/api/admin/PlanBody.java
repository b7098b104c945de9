package dev.herald.api.admin;

import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanInput;
import dev.herald.domain.plan.PlanLimits;
import java.time.Instant;

/**
 * Plan terms on the wire: {@code status}, {@code expires_at} (ISO-8601 or null), {@code limits}.
 */
public record PlanBody(String status, Instant expiresAt, LimitsBody limits) {

  /** Plan limits on the wire; omitted fields take the defaults. */
  public record LimitsBody(
      Integer maxSessions,
      Integer maxGroups,
      Integer minDelayBetweenPostsSeconds,
      Integer minDelayBetweenCyclesSeconds,
      Integer maxPostsPerDay,
      Long maxMediaBytes,
      Integer maxMediaCount,
      Integer maxPostsPerBot,
      Integer maxButtons) {

    static LimitsBody of(PlanLimits l) {
      return new LimitsBody(
          l.maxSessions(),
          l.maxGroups(),
          l.minDelayBetweenPostsSeconds(),
          l.minDelayBetweenCyclesSeconds(),
          l.maxPostsPerDay(),
          l.maxMediaBytes(),
          l.maxMediaCount(),
          l.maxPostsPerBot(),
          l.maxButtons());
    }
  }

  PlanInput toInput() {
    return new PlanInput(
        status,
        expiresAt,
        limits == null
            ? null
            : new PlanInput.LimitsInput(
                limits.maxSessions,
                limits.maxGroups,
                limits.minDelayBetweenPostsSeconds,
                limits.minDelayBetweenCyclesSeconds,
                limits.maxPostsPerDay,
                limits.maxMediaBytes,
                limits.maxMediaCount,
                limits.maxPostsPerBot,
                limits.maxButtons));
  }

  static PlanInput toInput(PlanBody body) {
    return body == null ? null : body.toInput();
  }

  static PlanBody of(Plan plan) {
    return new PlanBody(
        plan.status().name(), plan.expiresAt().orElse(null), LimitsBody.of(plan.limits()));
  }
}
