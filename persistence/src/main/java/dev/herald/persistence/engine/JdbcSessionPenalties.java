package dev.herald.persistence.engine;

import dev.herald.domain.activity.ActivityEvent;
import dev.herald.domain.engine.SessionPenalties;
import dev.herald.domain.session.SessionState;
import dev.herald.persistence.session.SessionSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link SessionPenalties} in plain JDBC, each penalty one local transaction with its log entry.
 */
@ApplicationScoped
public class JdbcSessionPenalties extends JdbcStore implements SessionPenalties {

  public JdbcSessionPenalties() {}

  /** For tests and tools outside the container. */
  public JdbcSessionPenalties(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  public void coolDownSession(long accountId, long sessionId, Instant until, String reason) {
    jdbc.transaction(
        "cool down session",
        c -> {
          Jdbc.execute(c, PenaltySql.COOL_DOWN_SESSION, Timestamp.from(until), sessionId);
          return log(
              c,
              accountId,
              ActivityEvent.FLOOD_WAIT,
              reason,
              "session " + sessionId + " cools down until " + until);
        });
  }

  @Override
  public Optional<Long> banAndReplace(long accountId, long sessionId, String reason) {
    return jdbc.transaction(
        "ban and replace session",
        c -> {
          Jdbc.execute(c, PenaltySql.BAN_SESSION, reason, sessionId);
          log(
              c,
              accountId,
              ActivityEvent.SESSION_BANNED,
              reason,
              "session " + sessionId + " banned");
          return replace(
              c,
              accountId,
              sessionId,
              reason,
              PenaltySql.SHOW_ERROR,
              "No usable session left: session " + sessionId + " was banned (" + reason + ")");
        });
  }

  @Override
  public void parkUnavailable(long accountId, long sessionId, Instant retryAt, String reason) {
    jdbc.transaction(
        "park an unavailable session",
        c -> {
          Jdbc.execute(c, PenaltySql.PARK_UNAVAILABLE, reason, Timestamp.from(retryAt), sessionId);
          return log(
              c,
              accountId,
              ActivityEvent.SESSION_PARKED,
              SessionState.UNAVAILABLE.name(),
              "session " + sessionId + " is unavailable until " + retryAt + ": " + reason);
        });
  }

  @Override
  public Optional<Long> parkNeedsLoginAndReplace(long accountId, long sessionId, String reason) {
    return jdbc.transaction(
        "park a session that needs a login",
        c -> {
          if (Jdbc.execute(c, PenaltySql.PARK_NEEDS_LOGIN, reason, sessionId) == 0) {
            return Optional.<Long>empty(); // banned meanwhile: the ban replaced it already
          }
          log(
              c,
              accountId,
              ActivityEvent.SESSION_PARKED,
              SessionState.NEEDS_LOGIN.name(),
              "session " + sessionId + " needs a new login: " + reason);
          return replace(
              c,
              accountId,
              sessionId,
              SessionState.NEEDS_LOGIN.name(),
              PenaltySql.MARK_IDLE_WITHOUT_SESSION,
              "No usable session left: session "
                  + sessionId
                  + " needs a new login ("
                  + reason
                  + ")");
        });
  }

  @Override
  public Optional<Long> releaseAndReplace(long accountId, long sessionId, String reason) {
    return jdbc.transaction(
        "release and replace session",
        c -> {
          // Found while the session is still the account's: released first, it would be the
          // pool's first free session and replace itself.
          Optional<Long> replacement =
              roomBeside(c, accountId, sessionId)
                  ? assignNext(c, accountId, sessionId, reason)
                  : Optional.empty();
          Jdbc.execute(c, PenaltySql.RELEASE_SESSION, sessionId);
          if (replacement.isEmpty()) {
            Jdbc.execute(
                c,
                PenaltySql.MARK_IDLE_WITHOUT_SESSION,
                "No usable session left: an admin took session "
                    + sessionId
                    + " off the account ("
                    + reason
                    + ")",
                accountId);
          }
          return replacement;
        });
  }

  @Override
  public void showError(long accountId, String reason) {
    // Telegram's texts are short, a transport's may not be.
    jdbc.update(
        "show the bot's last error", PenaltySql.SHOW_ERROR, Outcomes.fitted(reason), accountId);
  }

  /**
   * Assigns the next free session of the pool in {@code sessionId}'s place and logs it, in the
   * caller's transaction; with none free, runs {@code idleSql} (parameters: {@code idleReason},
   * account) so the bot says why.
   */
  private static Optional<Long> replace(
      Connection c,
      long accountId,
      long sessionId,
      String reasonCode,
      String idleSql,
      String idleReason)
      throws SQLException {
    if (!roomBeside(c, accountId, sessionId)) {
      // It had left the account when Telegram's answer came (an admin's release, a lowered
      // plan), and the account holds its plan's sessions without it: no replacement is owed.
      return Optional.empty();
    }
    Optional<Long> replacement = assignNext(c, accountId, sessionId, reasonCode);
    if (replacement.isEmpty()) {
      Jdbc.execute(c, idleSql, idleReason, accountId);
    }
    return replacement;
  }

  /** Whether the account's plan lets it hold one more session besides {@code sessionId}. */
  private static boolean roomBeside(Connection c, long accountId, long sessionId)
      throws SQLException {
    return Jdbc.queryLong(c, SessionSql.ROOM_BESIDE, accountId, accountId, sessionId).orElse(0L)
        > 0;
  }

  /** Assigns the next free session of the pool in {@code sessionId}'s place and logs it, if any. */
  private static Optional<Long> assignNext(
      Connection c, long accountId, long sessionId, String reasonCode) throws SQLException {
    Jdbc.queryLong(c, SessionSql.LOCK_API_PAIRS); // allocations one at a time
    Optional<Long> replacement = Jdbc.queryLong(c, SessionSql.NEXT_FREE_SESSION);
    if (replacement.isPresent()) {
      Jdbc.execute(c, SessionSql.ASSIGN_SESSION, accountId, replacement.get());
      log(
          c,
          accountId,
          ActivityEvent.SESSION_REPLACED,
          reasonCode,
          "session " + replacement.get() + " replaces session " + sessionId);
    }
    return replacement;
  }

  private static int log(
      Connection c, long accountId, ActivityEvent event, String reason, String message)
      throws SQLException {
    return Jdbc.execute(c, PenaltySql.LOG_ACTIVITY, accountId, event.name(), reason, message);
  }
}
