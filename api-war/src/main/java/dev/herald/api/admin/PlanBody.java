package dev.herald.api.admin;

import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanInput;
import dev.herald.domain.plan.PlanLimits;
import java.time.Instant;

/**
 * Plan terms on the wire: {@code status}, {@code expires_at} (ISO-8601 or null), {@code limits}
 * (the domain's {@link PlanInput.LimitsInput} as it is; omitted fields take the defaults).
 */
public record PlanBody(String status, Instant expiresAt, PlanInput.LimitsInput limits) {

  PlanInput toInput() {
    return new PlanInput(status, expiresAt, limits);
  }

  static PlanInput toInput(PlanBody body) {
    return body == null ? null : body.toInput();
  }

  static PlanBody of(Plan plan) {
    PlanLimits l = plan.limits();
    return new PlanBody(
        plan.status().name(),
        plan.expiresAt().orElse(null),
        new PlanInput.LimitsInput(
            l.maxSessions(),
            l.maxGroups(),
            l.minDelayBetweenPostsSeconds(),
            l.minDelayBetweenCyclesSeconds(),
            l.maxPostsPerDay(),
            l.maxMediaBytes(),
            l.maxMediaCount(),
            l.maxPostsPerBot(),
            l.maxButtons()));
  }
}
