package dev.herald.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One explicit local transaction on a connection of the non-transactional pool ({@code
 * jdbc/heraldDirect}): the JDBC stores' one way to commit several statements together.
 */
public final class LocalTransaction {

  private LocalTransaction() {}

  /** Work on a connection that may fail with an {@link SQLException}. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  /** Runs {@code work} on {@code c}: committed when it returns, rolled back when it throws. */
  public static <T> T run(Connection c, Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.apply(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      // The pool hands this connection out again as it is: the next user's statements (a claim's
      // row locks, a delivery record that must be committed before its send) must not silently
      // join an open transaction.
      c.setAutoCommit(true);
    }
  }
}
