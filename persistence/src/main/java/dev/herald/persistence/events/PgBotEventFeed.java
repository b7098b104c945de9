package dev.herald.persistence.events;

import dev.herald.domain.events.BotEventFeed;
import dev.herald.domain.events.Wake;
import dev.herald.persistence.DirectPoolStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@link BotEventFeed} through {@code LISTEN herald_events} on one connection of the
 * non-transactional pool, held for as long as the dispatcher listens (with the state cache on, from
 * the node's start to its stop; else while it serves streams). Unwrapping it to the driver's {@link
 * PGConnection} needs the application to share the driver's library (server.xml: {@code classloader
 * commonLibraryRef="postgresDriver"}).
 */
@ApplicationScoped
public class PgBotEventFeed extends DirectPoolStore implements BotEventFeed {

  private static final Logger LOG = Logger.getLogger(PgBotEventFeed.class.getName());

  /** This node in event_listener: one id per process. */
  private final String node = "events-" + UUID.randomUUID();

  /** Only the dispatcher thread changes it; {@link #connected} may read it from any thread. */
  private volatile Connection listening;

  /** Since a lost connection, until connected again; only the dispatcher thread uses it. */
  private boolean failing;

  @Override
  public Wake await(Duration timeout) {
    try {
      if (listening == null || listening.isClosed()) {
        listening = dataSource.getConnection();
        listening.setAutoCommit(true);
        try (Statement s = listening.createStatement()) {
          s.execute(EventSql.LISTEN);
        }
        if (failing) {
          LOG.info("Event feed connected again");
          failing = false;
        }
        // Anything may have changed unannounced before the LISTEN: said at once, not after the
        // timeout, so that the node's state cache can trust the feed again without a delay.
        return Wake.everything();
      }
      PGNotification[] notifications =
          listening
              .unwrap(PGConnection.class)
              .getNotifications((int) Math.max(1, timeout.toMillis()));
      if (notifications == null) {
        return Wake.NONE;
      }
      List<String> payloads = new ArrayList<>(notifications.length);
      for (PGNotification n : notifications) {
        payloads.add(n.getParameter());
      }
      return Wake.of(payloads);
    } catch (SQLException e) {
      // Once per outage: the node retries every second while the database is away.
      LOG.log(
          failing ? Level.FINE : Level.WARNING,
          "Event feed connection lost; reconnecting: {0}",
          e.getMessage());
      failing = true;
      close();
      pause(timeout);
      return Wake.NONE;
    }
  }

  @Override
  public boolean connected() {
    return listening != null;
  }

  @Override
  public void listening(boolean listening, Duration validFor) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(listening ? EventSql.LISTENING : EventSql.NOT_LISTENING)) {
      s.setString(1, node);
      if (listening) {
        s.setDouble(2, validFor.toMillis() / 1000.0);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("announce event listener: " + e.getMessage(), e);
    }
  }

  @Override
  @PreDestroy
  public void close() {
    if (listening != null) {
      try {
        listening.close();
      } catch (SQLException e) {
        LOG.log(Level.FINE, "closing the event feed connection", e);
      }
      listening = null;
    }
  }

  private static void pause(Duration timeout) {
    try {
      Thread.sleep(Math.min(1000, Math.max(1, timeout.toMillis())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
