package dev.herald.persistence.engine;

import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryStart;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.EngineStore;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.session.SessionSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link EngineStore} in plain JDBC on the non-transactional pool: each method is one statement
 * (autocommit) or one explicit local transaction. JPA would add nothing here but latency.
 */
@ApplicationScoped
public class JdbcEngineStore implements EngineStore {

  @Resource(lookup = "jdbc/heraldDirect")
  DataSource dataSource;

  @Override
  public List<DueCycle> claimDue(String node, Duration lookahead, Duration lease, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(EngineSql.CLAIM_DUE)) {
      s.setDouble(1, lookahead.toMillis() / 1000.0);
      s.setInt(2, limit);
      s.setString(3, node);
      s.setDouble(4, lease.toMillis() / 1000.0);
      List<DueCycle> claimed = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          claimed.add(DueCycleRows.read(rs));
        }
      }
      return claimed;
    } catch (SQLException e) {
      throw new EngineStoreException("claim due cycles", e);
    }
  }

  @Override
  public DeliveryStart beginDelivery(String node, DueCycle cycle, String chat, Sender sender) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        DeliveryStart start = begin(c, node, cycle, chat, sender);
        c.commit();
        return start;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new EngineStoreException("begin delivery", e);
    }
  }

  private static DeliveryStart begin(Connection c, String node, DueCycle cycle, String chat, Sender sender)
      throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(EngineSql.LOCK_RUNNING_BOT)) {
      lock.setLong(1, cycle.accountId());
      lock.setString(2, node);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          return DeliveryStart.BOT_NOT_RUNNING;
        }
      }
    }
    try (PreparedStatement insert = c.prepareStatement(EngineSql.INSERT_DELIVERY)) {
      insert.setLong(1, cycle.accountId());
      insert.setLong(2, cycle.cycleId());
      insert.setString(3, chat);
      insert.setString(4, sender.kind().name());
      insert.setLong(5, sender.id());
      insert.setString(6, node);
      insert.setTimestamp(7, java.sql.Timestamp.from(cycle.plannedAt()));
      return insert.executeUpdate() == 1 ? DeliveryStart.SEND : DeliveryStart.ALREADY_ATTEMPTED;
    }
  }

  @Override
  public void finishDelivery(DueCycle cycle, String chat, SendOutcome outcome) {
    Long messageId = outcome instanceof SendOutcome.Delivered d ? d.messageId() : null;
    String error = outcome instanceof SendOutcome.Delivered ? null : Outcomes.describe(outcome);
    update(EngineSql.FINISH_DELIVERY, outcome.code(), messageId, error, cycle.accountId(), cycle.cycleId(), chat);
  }

  @Override
  public void completeCycle(String node, DueCycle cycle, Instant nextRunAt, CycleTally tally) {
    transaction(
        "complete cycle",
        c -> {
          execute(c, EngineSql.COMPLETE_CYCLE, java.sql.Timestamp.from(nextRunAt), cycle.accountId(), node, cycle.cycleId());
          execute(c, EngineSql.ADD_STATS, cycle.accountId(), tally.attempts(), tally.delivered(),
              tally.failures(), tally.floodWaits(), tally.delivered());
          execute(c, EngineSql.LOG_ACTIVITY, cycle.accountId(), "CYCLE_COMPLETED", null,
              "cycle " + cycle.cycleId() + ": " + tally.delivered() + "/" + tally.attempts() + " delivered");
        });
  }

  @Override
  public void releaseLease(String node, long accountId) {
    update(EngineSql.RELEASE_LEASE, accountId, node);
  }

  @Override
  public void coolDownSession(long accountId, long sessionId, Instant until, String reason) {
    transaction(
        "cool down session",
        c -> {
          execute(c, EngineSql.COOL_DOWN_SESSION, java.sql.Timestamp.from(until), sessionId);
          execute(c, EngineSql.LOG_ACTIVITY, accountId, "FLOOD_WAIT", reason,
              "session " + sessionId + " cools down until " + until);
        });
  }

  @Override
  public Optional<Long> banAndReplace(long accountId, long sessionId, String reason) {
    List<Long> replacement = new ArrayList<>();
    transaction(
        "ban and replace session",
        c -> {
          execute(c, EngineSql.BAN_SESSION, reason, sessionId);
          execute(c, EngineSql.LOG_ACTIVITY, accountId, "SESSION_BANNED", reason, "session " + sessionId + " banned");
          try (Statement lock = new Statement(c, SessionSql.LOCK_API_PAIRS)) {
            lock.query();
          }
          try (Statement next = new Statement(c, SessionSql.NEXT_FREE_SESSION)) {
            next.query().ifPresent(replacement::add);
          }
          if (replacement.isEmpty()) {
            execute(c, EngineSql.MARK_IDLE, "No usable session left: session " + sessionId + " was banned (" + reason + ")", accountId);
          } else {
            execute(c, SessionSql.ASSIGN_SESSION, accountId, replacement.get(0));
            execute(c, EngineSql.LOG_ACTIVITY, accountId, "SESSION_REPLACED", reason,
                "session " + replacement.get(0) + " replaces session " + sessionId);
          }
        });
    return replacement.stream().findFirst();
  }

  @Override
  public void markIdle(long accountId, String reason) {
    update(EngineSql.MARK_IDLE, reason, accountId);
  }

  @Override
  public int stopBotsWithoutPlan() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(EngineSql.STOP_BOTS_WITHOUT_PLAN)) {
      int stopped = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          stopped++;
        }
      }
      update(EngineSql.SETTLE_ABANDONED_STOPPING);
      return stopped;
    } catch (SQLException e) {
      throw new EngineStoreException("stop bots without plan", e);
    }
  }

  @Override
  public void heartbeat(String node, Duration lease) {
    transaction(
        "heartbeat",
        c -> {
          execute(c, EngineSql.HEARTBEAT, node);
          execute(c, EngineSql.EXTEND_LEASES, lease.toMillis() / 1000.0, node);
        });
  }

  @Override
  public boolean otherNodesAlive(String node, Duration window) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(EngineSql.OTHER_NODES_ALIVE)) {
      s.setString(1, node);
      s.setDouble(2, window.toMillis() / 1000.0);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new EngineStoreException("look for live nodes", e);
    }
  }

  @Override
  public int stopAllAfterRestart() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(EngineSql.STOP_ALL_AFTER_RESTART)) {
      int stopped = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          stopped++;
        }
      }
      return stopped;
    } catch (SQLException e) {
      throw new EngineStoreException("stop bots after restart", e);
    }
  }

  @Override
  public void leave(String node) {
    update(EngineSql.LEAVE_RELEASE_LEASES, node);
    update(EngineSql.LEAVE, node);
  }

  @Override
  public long deleteOlderThan(Instant cutoff, int batchSize) {
    long deleted = 0;
    for (String sql : List.of(EngineSql.DELETE_OLD_DELIVERIES, EngineSql.DELETE_OLD_ACTIVITY)) {
      int batch;
      do {
        batch = update(sql, java.sql.Timestamp.from(cutoff), batchSize);
        deleted += batch;
      } while (batch == batchSize);
    }
    return deleted;
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return execute(c, sql, args);
    } catch (SQLException e) {
      throw new EngineStoreException(sql.strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT), e);
    }
  }

  static int execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  private void transaction(String what, SqlWork work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new EngineStoreException(what, e);
    }
  }

  @FunctionalInterface
  private interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  /** A prepared single-column query whose first row, if any, is a long. */
  private static final class Statement implements AutoCloseable {
    private final PreparedStatement statement;

    Statement(Connection c, String sql) throws SQLException {
      statement = c.prepareStatement(sql);
    }

    Optional<Long> query() throws SQLException {
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }
  }
}
