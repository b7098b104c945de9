package dev.herald.api.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.adapter.JsonbAdapter;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Binds a JSON object to a record through its canonical constructor, each component from its
 * snake_case key in the API's JSON conventions ({@link JsonbConfigResolver}); unknown keys are
 * ignored, as everywhere in the API, and missing or null ones are null. Yasson binds a record only
 * when it has exactly one constructor, so a domain record with a convenience constructor needs this
 * to be bound as it is rather than through an API copy of its fields. Written, the record is the
 * JSON Yasson makes of it.
 *
 * @param <R> the record, with reference-typed components; a subclass names it
 */
public abstract class CanonicalRecordAdapter<R extends Record>
    implements JsonbAdapter<R, JsonObject> {

  /** The API's conventions; the record itself carries no adapter, so this does not recurse. */
  private static final Jsonb JSONB = new JsonbConfigResolver().getContext(Object.class);

  private final RecordComponent[] components;
  private final List<String> keys;
  private final Constructor<R> canonical;

  protected CanonicalRecordAdapter(Class<R> type) {
    this.components = type.getRecordComponents();
    this.keys = Arrays.stream(components).map(c -> snakeCase(c.getName())).toList();
    try {
      this.canonical =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record always has its canonical constructor", e);
    }
  }

  @Override
  public R adaptFromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      JsonValue value = json.get(keys.get(i));
      if (value != null && value != JsonValue.NULL) {
        values[i] = JSONB.fromJson(value.toString(), components[i].getGenericType());
      }
    }
    try {
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new JsonbException(String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new JsonbException("Cannot create " + canonical.getName(), e);
    }
  }

  @Override
  public JsonObject adaptToJson(R record) {
    if (record == null) {
      return null;
    }
    return Json.createReader(new StringReader(JSONB.toJson(record))).readObject();
  }

  /**
   * JSON-B's {@code LOWER_CASE_WITH_UNDERSCORES} for Java names: an underscore before a capital.
   */
  static String snakeCase(String name) {
    return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }
}
