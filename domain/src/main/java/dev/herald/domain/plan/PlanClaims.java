package dev.herald.domain.plan;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the plan claims of a verified token: {@code plan_status}, {@code plan_limits} (an object
 * with snake_case keys), {@code plan_expires_at} (epoch seconds or null) and {@code
 * plan_updated_at} (epoch seconds; the token's {@code iat} when absent), as a plan "as of" that
 * time. Claim values may be JSON-P values or plain Java values, as token libraries differ.
 */
public final class PlanClaims {

  private PlanClaims() {}

  /**
   * The plan the claims describe, or empty when the token carries no {@code plan_status}.
   *
   * @throws IllegalArgumentException when plan claims are present but malformed
   */
  public static Optional<Plan> parse(Function<String, Object> claim) {
    Object status = unwrap(claim.apply("plan_status"));
    if (status == null) {
      return Optional.empty();
    }
    Long updated = epochSeconds(claim.apply("plan_updated_at"), "plan_updated_at");
    Long issuedAt = epochSeconds(claim.apply("iat"), "iat");
    Long asOf = updated != null ? updated : issuedAt;
    if (asOf == null) {
      throw new IllegalArgumentException("plan claims without plan_updated_at or iat");
    }
    Long expires = epochSeconds(claim.apply("plan_expires_at"), "plan_expires_at");
    PlanInput input =
        new PlanInput(
            status.toString(),
            expires == null ? null : Instant.ofEpochSecond(expires),
            limits(claim.apply("plan_limits")));
    try {
      return Optional.of(PlanPolicy.toPlan(input, Instant.ofEpochSecond(asOf), "plan_"));
    } catch (dev.herald.domain.shared.InvalidInputException invalid) {
      throw new IllegalArgumentException("invalid plan claims: " + invalid.errors(), invalid);
    }
  }

  private static PlanInput.LimitsInput limits(Object raw) {
    Object value = unwrap(raw);
    if (value == null) {
      return null;
    }
    Function<String, Object> field;
    if (value instanceof JsonObject json) {
      field = json::get;
    } else if (value instanceof Map<?, ?> map) {
      field = map::get;
    } else {
      throw new IllegalArgumentException("plan_limits is not an object");
    }
    return new PlanInput.LimitsInput(
        integer(field.apply("max_sessions"), "max_sessions"),
        integer(field.apply("max_groups"), "max_groups"),
        integer(field.apply("min_delay_between_posts_seconds"), "min_delay_between_posts_seconds"),
        integer(
            field.apply("min_delay_between_cycles_seconds"), "min_delay_between_cycles_seconds"),
        integer(field.apply("max_posts_per_day"), "max_posts_per_day"),
        epochSeconds(field.apply("max_media_bytes"), "max_media_bytes"),
        integer(field.apply("max_media_count"), "max_media_count"),
        integer(field.apply("max_posts_per_bot"), "max_posts_per_bot"),
        integer(field.apply("max_buttons"), "max_buttons"));
  }

  private static Integer integer(Object raw, String name) {
    Long value = epochSeconds(raw, name);
    if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
      throw new IllegalArgumentException(name + " is out of range");
    }
    return value == null ? null : value.intValue();
  }

  static Long epochSeconds(Object raw, String name) {
    Object value = unwrap(raw);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number");
    }
  }

  private static Object unwrap(Object raw) {
    if (raw == null || raw == JsonValue.NULL) {
      return null;
    }
    if (raw instanceof JsonString s) {
      return s.getString();
    }
    if (raw instanceof JsonNumber n) {
      return n.isIntegral() ? (Object) n.longValueExact() : (Object) n.doubleValue();
    }
    if (raw instanceof Optional<?> optional) {
      return optional.map(PlanClaims::unwrap).orElse(null);
    }
    return raw;
  }
}
