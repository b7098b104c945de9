package dev.herald.telegram.botapi;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * One Bot API answer: {@code ok} with a {@code result}, or {@code error_code}, {@code description}
 * and optional {@code parameters} ({@code retry_after}; {@code migrate_to_chat_id}, the new id of a
 * group upgraded to a supergroup); or, with {@code httpStatus} 0, a call that never got an answer
 * (I/O error, timeout) described by {@code description}.
 */
public record BotApiResponse(
    int httpStatus,
    boolean ok,
    JsonValue result,
    int errorCode,
    String description,
    Optional<Long> retryAfterSeconds,
    Optional<Long> migrateToChatId) {

  /** An answer without {@code migrate_to_chat_id}. */
  public BotApiResponse(
      int httpStatus,
      boolean ok,
      JsonValue result,
      int errorCode,
      String description,
      Optional<Long> retryAfterSeconds) {
    this(httpStatus, ok, result, errorCode, description, retryAfterSeconds, Optional.empty());
  }

  static BotApiResponse fromJson(int httpStatus, JsonObject body) {
    boolean ok = body.getBoolean("ok", false);
    JsonObject parameters =
        body.get("parameters") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    return new BotApiResponse(
        httpStatus,
        ok,
        body.get("result"),
        body.getInt("error_code", ok ? 0 : httpStatus),
        body.getString("description", ""),
        number(parameters, "retry_after"),
        number(parameters, "migrate_to_chat_id"));
  }

  private static Optional<Long> number(JsonObject parameters, String name) {
    return parameters.get(name) instanceof JsonNumber number
        ? Optional.of(number.longValue())
        : Optional.empty();
  }

  static BotApiResponse noAnswer(String reason) {
    return new BotApiResponse(0, false, null, 0, reason, Optional.empty());
  }

  public boolean answered() {
    return httpStatus != 0;
  }

  /** The {@code result} as an object ({@code Message}, {@code User}, {@code MessageId}). */
  public JsonObject resultObject() {
    return result instanceof JsonObject ? (JsonObject) result : JsonValue.EMPTY_JSON_OBJECT;
  }
}
