package dev.herald.domain.session;

import java.lang.reflect.Field;

/**
 * Writes the columns JPA and the engine's SQL fill in (ids, assignments), which the session
 * entities have no setter for, so the tests can build rows as the database would hand them out.
 */
final class PersistedColumns {

  private PersistedColumns() {}

  /**
   * Sets {@code row}'s field {@code field}, declared by the row's class or a superclass (the id
   * lives in {@code GeneratedIdEntity}), to {@code value}.
   */
  static void write(Object row, String field, Object value) {
    for (Class<?> type = row.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field f = type.getDeclaredField(field);
        f.setAccessible(true);
        f.set(row, value);
        return;
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException(row.getClass() + " has no field " + field);
  }
}
