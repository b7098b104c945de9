package dev.herald.persistence.engine;

import dev.herald.domain.engine.EngineStoreException;
import dev.herald.persistence.DatabaseFailures;
import dev.herald.persistence.LocalTransaction;
import dev.herald.persistence.LocalTransaction.Work;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The engine stores' few ways of running SQL on the non-transactional pool: one statement
 * (autocommit), or one explicit local transaction. A failure becomes an {@link
 * EngineStoreException} naming the step, and saying whether the database could not be reached
 * ({@link DatabaseFailures#unreachable}).
 */
final class Jdbc {

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs one statement in autocommit and returns its update count. */
  int update(String what, String sql, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return execute(c, sql, args);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** Runs one query in autocommit and returns how many rows it returned. */
  int countRows(String what, String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      return rows;
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** Work on a connection, in autocommit; the connection is closed after. */
  <T> T withConnection(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return work.apply(c);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** Work in one local transaction: committed when it returns, rolled back when it throws. */
  <T> T transaction(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return LocalTransaction.run(c, work);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** The step's failure, saying whether the database could not be reached. */
  private static EngineStoreException failed(String what, SQLException e) {
    return new EngineStoreException(what, e, DatabaseFailures.unreachable(e));
  }

  static int execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    }
  }

  /** The first column of the first row, if any, as a long. */
  static Optional<Long> queryLong(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }
}
