package dev.herald.domain.plan;

import dev.herald.domain.shared.Enums;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns {@link PlanInput} into a {@link Plan} "as of" a time, reporting every bad field at once
 * under its snake_case name (prefixed, e.g. {@code plan.status}).
 */
public final class PlanPolicy {

  private PlanPolicy() {}

  public static Plan toPlan(PlanInput input, Instant asOf, String prefix) {
    List<FieldError> errors = new ArrayList<>();
    if (input == null) {
      throw InvalidInputException.of(prefix.isEmpty() ? "plan" : strip(prefix), "Give the plan.");
    }
    PlanStatus status = status(input.status(), prefix, errors);
    PlanLimits limits = limits(input.limits(), prefix, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Plan(status, input.expiresAt(), limits, asOf);
  }

  private static String strip(String prefix) {
    return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  private static PlanStatus status(String raw, String prefix, List<FieldError> errors) {
    Optional<PlanStatus> status = Enums.parse(PlanStatus.class, raw);
    if (status.isEmpty()) {
      errors.add(
          new FieldError(
              prefix + "status", "Plan status must be ACTIVE, TRIAL, EXPIRED or INACTIVE."));
    }
    return status.orElse(PlanStatus.INACTIVE);
  }

  private static PlanLimits limits(
      PlanInput.LimitsInput raw, String prefix, List<FieldError> errors) {
    PlanLimits d = PlanLimits.defaults();
    if (raw == null) {
      return d;
    }
    try {
      return new PlanLimits(
          or(raw.maxSessions(), d.maxSessions()),
          or(raw.maxGroups(), d.maxGroups()),
          or(raw.minDelayBetweenPostsSeconds(), d.minDelayBetweenPostsSeconds()),
          or(raw.minDelayBetweenCyclesSeconds(), d.minDelayBetweenCyclesSeconds()),
          or(raw.maxPostsPerDay(), d.maxPostsPerDay()),
          raw.maxMediaBytes() == null ? d.maxMediaBytes() : raw.maxMediaBytes(),
          or(raw.maxMediaCount(), d.maxMediaCount()),
          or(raw.maxPostsPerBot(), d.maxPostsPerBot()),
          or(raw.maxButtons(), d.maxButtons()));
    } catch (IllegalArgumentException outOfRange) {
      errors.add(new FieldError(prefix + "limits", snakeCase(outOfRange.getMessage())));
      return d;
    }
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static String snakeCase(String message) {
    String field = message.split(" ", 2)[0];
    String snake = field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return snake
        + (message.length() > field.length() ? message.substring(field.length()) : "")
        + ".";
  }
}
