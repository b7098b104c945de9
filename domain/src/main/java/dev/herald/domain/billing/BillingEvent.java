package dev.herald.domain.billing;

import dev.herald.domain.plan.PlanInput;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan event as billing sends it: {@code event_id}, the account ({@code account_id}, {@code
 * subject} or {@code email}), {@code plan_status}, {@code expires_at}, {@code limits}, {@code
 * occurred_at}. Times are epoch seconds or ISO-8601 instants.
 */
public record BillingEvent(
    String eventId,
    Long accountId,
    String subject,
    String email,
    PlanInput plan,
    Instant occurredAt) {

  public static BillingEvent parse(byte[] body) {
    JsonObject json;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      json = reader.readObject();
    } catch (RuntimeException malformed) {
      throw InvalidInputException.of("body", "Send the event as a JSON object.");
    }
    List<FieldError> errors = new ArrayList<>();
    String eventId = string(json, "event_id");
    if (eventId == null || eventId.isBlank() || eventId.length() > 200) {
      errors.add(new FieldError("event_id", "Give the event's unique id (1 to 200 characters)."));
    }
    Long accountId = json.get("account_id") instanceof JsonNumber n ? n.longValue() : null;
    String subject = string(json, "subject");
    String email = string(json, "email");
    if (accountId == null && subject == null && email == null) {
      errors.add(new FieldError("account_id", "Name the account by account_id, subject or email."));
    }
    Instant occurredAt = instant(json, "occurred_at", errors);
    if (occurredAt == null && errors.stream().noneMatch(e -> e.field().equals("occurred_at"))) {
      errors.add(new FieldError("occurred_at", "Give the time the change happened at."));
    }
    Instant expiresAt = instant(json, "expires_at", errors);
    PlanInput.LimitsInput limits = json.get("limits") instanceof JsonObject l ? limits(l) : null;
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new BillingEvent(
        eventId,
        accountId,
        subject,
        email,
        new PlanInput(string(json, "plan_status"), expiresAt, limits),
        occurredAt);
  }

  private static PlanInput.LimitsInput limits(JsonObject l) {
    return new PlanInput.LimitsInput(
        integer(l, "max_sessions"),
        integer(l, "max_groups"),
        integer(l, "min_delay_between_posts_seconds"),
        integer(l, "min_delay_between_cycles_seconds"),
        integer(l, "max_posts_per_day"),
        json(l, "max_media_bytes") instanceof JsonNumber n ? n.longValue() : null,
        integer(l, "max_media_count"),
        integer(l, "max_posts_per_bot"),
        integer(l, "max_buttons"));
  }

  private static JsonValue json(JsonObject json, String name) {
    return json.get(name);
  }

  private static Integer integer(JsonObject json, String name) {
    return json.get(name) instanceof JsonNumber n ? n.intValue() : null;
  }

  private static String string(JsonObject json, String name) {
    return json.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static Instant instant(JsonObject json, String name, List<FieldError> errors) {
    JsonValue value = json.get(name);
    try {
      if (value instanceof JsonNumber n) {
        return Instant.ofEpochSecond(n.longValueExact());
      }
      if (value instanceof JsonString s) {
        return Instant.parse(s.getString());
      }
    } catch (ArithmeticException | DateTimeException e) {
      errors.add(new FieldError(name, "Use epoch seconds or an ISO-8601 instant."));
    }
    return null;
  }
}
