package dev.herald.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Binds a batch of rows to a statement that {@code unnest}s them, parameter after parameter in the
 * statement's order: each column goes as one PostgreSQL array with one element per row, so a batch
 * of any size is one statement.
 */
public final class ArrayParameters {

  private final Connection connection;
  private final PreparedStatement statement;
  private int next = 1;

  public ArrayParameters(Connection connection, PreparedStatement statement) {
    this.connection = connection;
    this.statement = statement;
  }

  /**
   * One column of {@code rows} as an array of {@code sqlType}, encoded now. A column several
   * parameters take is encoded once and bound to each (the driver encodes an array when it is
   * created, and sends the same bytes for each parameter).
   */
  public <R, T> Array column(
      String sqlType,
      List<R> rows,
      IntFunction<T[]> arrayOf,
      Function<? super R, ? extends T> value)
      throws SQLException {
    T[] values = arrayOf.apply(rows.size());
    for (int i = 0; i < values.length; i++) {
      values[i] = value.apply(rows.get(i));
    }
    return connection.createArrayOf(sqlType, values);
  }

  /** Binds the next parameter to a column ({@link #column}). */
  public ArrayParameters array(Array values) throws SQLException {
    statement.setArray(next++, values);
    return this;
  }

  /** Binds the next parameter to a single text value. */
  public ArrayParameters value(String text) throws SQLException {
    statement.setString(next++, text);
    return this;
  }

  /** Binds the next parameter to a single bigint value. */
  public ArrayParameters value(long number) throws SQLException {
    statement.setLong(next++, number);
    return this;
  }
}
