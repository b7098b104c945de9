package dev.herald.domain.session;

import java.lang.reflect.Field;

/**
 * Writes the columns JPA and the engine's SQL fill in (ids, assignments), which the session
 * entities have no setter for, so the tests can build rows as the database would hand them out.
 */
final class PersistedColumns {

  private PersistedColumns() {}

  /** Sets {@code row}'s field {@code field}, declared by the row's own class, to {@code value}. */
  static void write(Object row, String field, Object value) {
    try {
      Field f = row.getClass().getDeclaredField(field);
      f.setAccessible(true);
      f.set(row, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
