package dev.herald.system;

import dev.herald.launcher.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The tests' plain SQL on one database: a query's first column of its first row, or a statement,
 * each on a connection of its own; an {@link SQLException} fails the test.
 */
final class SqlRows {

  /** Opens a connection to the database these rows are in. */
  interface Connector {
    Connection connect() throws SQLException;
  }

  private final Connector database;

  SqlRows(Connector database) {
    this.database = database;
  }

  /** The first column of the query's first row as a number. */
  long count(String query, Object... args) {
    try (Connection c = database.connect();
        PreparedStatement s = EmbeddedDatabase.prepare(c, query, args);
        var rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the query's first row as text; null without a row. */
  String string(String query, Object... args) {
    try (Connection c = database.connect();
        PreparedStatement s = EmbeddedDatabase.prepare(c, query, args);
        var rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs an INSERT, UPDATE or DELETE. */
  void update(String statement, Object... args) {
    try (Connection c = database.connect();
        PreparedStatement s = EmbeddedDatabase.prepare(c, statement, args)) {
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
