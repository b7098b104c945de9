package dev.herald.telegram.botapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * One Bot API answer: {@code ok} with a {@code result}, or {@code error_code}, {@code description}
 * and optional {@code parameters.retry_after}; or, with {@code httpStatus} 0, a call that never got
 * an answer (I/O error, timeout) described by {@code description}.
 */
public record BotApiResponse(
    int httpStatus,
    boolean ok,
    JsonValue result,
    int errorCode,
    String description,
    Optional<Long> retryAfterSeconds) {

  static BotApiResponse fromJson(int httpStatus, JsonObject body) {
    boolean ok = body.getBoolean("ok", false);
    Optional<Long> retryAfter = Optional.empty();
    JsonObject parameters =
        body.containsKey("parameters") ? body.getJsonObject("parameters") : null;
    if (parameters != null && parameters.containsKey("retry_after")) {
      retryAfter = Optional.of(parameters.getJsonNumber("retry_after").longValue());
    }
    return new BotApiResponse(
        httpStatus,
        ok,
        body.get("result"),
        body.getInt("error_code", ok ? 0 : httpStatus),
        body.getString("description", ""),
        retryAfter);
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
