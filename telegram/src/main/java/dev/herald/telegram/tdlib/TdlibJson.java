package dev.herald.telegram.tdlib;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Small helpers for TDLib's JSON objects, which all carry their class in {@code @type}. */
public final class TdlibJson {

  private TdlibJson() {}

  public static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** A request or object of the given TDLib class. */
  public static JsonObjectBuilder object(String type) {
    return Json.createObjectBuilder().add("@type", type);
  }

  public static String type(JsonObject object) {
    return object == null ? "" : object.getString("@type", "");
  }

  public static JsonObject child(JsonObject object, String field) {
    JsonValue value = object.get(field);
    return value instanceof JsonObject ? (JsonObject) value : null;
  }

  public static long number(JsonObject object, String field, long fallback) {
    JsonValue value = object.get(field);
    if (value != null && value.getValueType() == JsonValue.ValueType.NUMBER) {
      return object.getJsonNumber(field).longValue();
    }
    if (value != null && value.getValueType() == JsonValue.ValueType.STRING) {
      // TDLib writes int64 fields as strings to keep them exact in JavaScript.
      return Long.parseLong(object.getString(field));
    }
    return fallback;
  }
}
