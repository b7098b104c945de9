package dev.herald.persistence;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Predicate;

/** What a failure says about the database, read from its causes. */
public final class DatabaseFailures {

  /**
   * SQLSTATEs of a server going away or refusing connections: admin_shutdown, crash_shutdown,
   * cannot_connect_now (starting or stopping), too_many_connections.
   */
  private static final Set<String> SERVER_AWAY = Set.of("57P01", "57P02", "57P03", "53300");

  /**
   * Connection exceptions that another attempt would meet again: the connection rejected (as {@code
   * DatabaseWait} reads it) or a protocol violation.
   */
  private static final Set<String> CONNECTION_REFUSALS = Set.of("08004", "08P01");

  private DatabaseFailures() {}

  /**
   * Whether the database could not be reached (down, restarting, the connection lost, the pool out
   * of connections), so the same work may succeed once it is back; not a statement the database
   * refused, which would fail again.
   */
  public static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
        return true;
      }
      // Liberty's connection pool (a connection could not be had).
      if (t.getClass().getName().startsWith("jakarta.resource.")) {
        return true;
      }
    }
    return hasSqlState(
        e,
        state ->
            state.startsWith("08") && !CONNECTION_REFUSALS.contains(state)
                || SERVER_AWAY.contains(state));
  }

  /**
   * Whether the failure or one of its causes is an {@link SQLException} whose SQLSTATE {@code
   * state} accepts: a connection pool may wrap the driver's exception in its own.
   */
  public static boolean hasSqlState(Throwable e, Predicate<String> state) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && state.test(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
