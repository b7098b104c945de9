package dev.herald.persistence;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A list of SQL string literals built from Java constants (enum names, outcome codes), so a rule's
 * SQL twin lists exactly what its Java side does. Only for constants: the values are not escaped.
 */
public final class SqlList {

  private SqlList() {}

  /** {@code ('A', 'B')}, in the stream's order. */
  public static String of(Stream<String> constants) {
    return constants.map(value -> "'" + value + "'").collect(Collectors.joining(", ", "(", ")"));
  }
}
