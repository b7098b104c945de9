package dev.herald.api.admin;

import dev.herald.api.web.CanonicalRecordAdapter;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanInput;
import dev.herald.domain.plan.PlanLimits;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Instant;

/**
 * Plan terms on the wire: {@code status}, {@code expires_at} (ISO-8601 or null), {@code limits}
 * (the domain's {@link PlanInput.LimitsInput} as it is; omitted fields take the defaults).
 */
public record PlanBody(
    String status,
    Instant expiresAt,
    @JsonbTypeAdapter(PlanBody.LimitsAdapter.class) PlanInput.LimitsInput limits) {

  /** Binds {@code limits}, which Yasson does not: the record has a second constructor. */
  public static final class LimitsAdapter extends CanonicalRecordAdapter<PlanInput.LimitsInput> {
    public LimitsAdapter() {
      super(PlanInput.LimitsInput.class);
    }
  }

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
