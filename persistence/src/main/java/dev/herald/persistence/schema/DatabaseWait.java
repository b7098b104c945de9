package dev.herald.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Waits for the database a node starts before (a whole cluster powered on, a compose file without a
 * health condition), but not for a refusal that waiting cannot cure: a wrong password or user
 * (SQLState class 28), a database that does not exist (3D000) or a connection the driver itself
 * rejects (08004: no password or an empty one where the server asks for one, SSL the server does
 * not offer) fails the start at once, saying so, instead of a node that waits for ever with its
 * real error buried in reminders.
 */
final class DatabaseWait {

  private static final Logger LOG = Logger.getLogger(DatabaseWait.class.getName());

  private final DataSource dataSource;
  private final Duration longestPause;

  DatabaseWait(DataSource dataSource, Duration longestPause) {
    this.dataSource = dataSource;
    this.longestPause = longestPause;
  }

  /**
   * Returns once a connection works; pauses from one second, doubling up to the longest pause.
   *
   * @throws IllegalStateException when PostgreSQL refuses Herald for good, or the wait is
   *     interrupted (the server stopping)
   */
  void untilReachable() {
    Duration pause = Duration.ofSeconds(1);
    boolean waited = false;
    while (true) {
      try (Connection connection = dataSource.getConnection()) {
        connection.getAutoCommit();
        if (waited) {
          LOG.info("PostgreSQL is reachable now: migrating the schema");
        }
        return;
      } catch (SQLException e) {
        Optional<String> refusal = refusal(e);
        if (refusal.isPresent()) {
          throw new IllegalStateException(
              "PostgreSQL refused Herald's connection ("
                  + refusal.get()
                  + " "
                  + e.getMessage()
                  + "): check DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD; waiting"
                  + " would not help, so the node does not start",
              e);
        }
        if (!waited) {
          LOG.log(
              Level.WARNING,
              "PostgreSQL is not reachable ({0}): Herald waits for it before migrating the schema"
                  + " and starting, trying again at most every {1} s",
              new Object[] {e.getMessage(), String.valueOf(longestPause.toSeconds())});
          waited = true;
        } else {
          LOG.log(Level.FINE, "PostgreSQL is still not reachable: {0}", e.getMessage());
        }
      }
      sleep(pause);
      pause =
          pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
    }
  }

  /**
   * The SQLState of a refusal that waiting cannot cure, from the exception or anything it wraps
   * (Liberty's pool hands on the driver's exception, possibly inside its own).
   */
  static Optional<String> refusal(SQLException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("28") || state.equals("3D000") || state.equals("08004")) {
          return Optional.of(state);
        }
      }
    }
    return Optional.empty();
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Stopped while waiting for PostgreSQL", e);
    }
  }
}
