package dev.herald.system;

import dev.herald.launcher.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Request bodies built with JSON-P, never by string concatenation: {@code JsonBody.of("email",
 * email, "password", password)}. Names and values alternate; a value is a String, a number, a
 * Boolean, a collection (a JSON array), a JSON-P value (e.g. a nested {@link #object}) or null.
 */
final class JsonBody {

  private JsonBody() {}

  /** The object's text, for {@link Api#post} and friends. */
  static String of(Object... namesAndValues) {
    return object(namesAndValues).toString();
  }

  static JsonObject object(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    JsonObjectBuilder object = Json.createObjectBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
    }
    return object.build();
  }

  private static JsonValue value(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    } else if (value instanceof JsonValue json) {
      return json;
    } else if (value instanceof String text) {
      return Json.createValue(text);
    } else if (value instanceof Integer || value instanceof Long) {
      return Json.createValue(((Number) value).longValue());
    } else if (value instanceof Number number) {
      return Json.createValue(new BigDecimal(number.toString()));
    } else if (value instanceof Boolean flag) {
      return flag ? JsonValue.TRUE : JsonValue.FALSE;
    } else if (value instanceof Collection<?> items) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      items.forEach(item -> array.add(value(item)));
      return array.build();
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass());
  }
}
