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
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true); // the record must be committed when the statement returns (rule 10)
      }
      try (PreparedStatement s = c.prepareStatement(EngineSql.BEGIN_DELIVERY)) {
        s.setLong(1, cycle.accountId());
        s.setString(2, node);
        s.setLong(3, cycle.cycleId());
        s.setString(4, chat);
        s.setString(5, sender.kind().name());
        s.setLong(6, sender.id());
        s.setString(7, node);
        s.setTimestamp(8, java.sql.Timestamp.from(cycle.plannedAt()));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return DeliveryStart.BOT_NOT_RUNNING;
          }
          return rs.getLong(2) == 1 ? DeliveryStart.SEND : DeliveryStart.ALREADY_ATTEMPTED;
        }
      }
    } catch (SQLException e) {
      throw new EngineStoreException("begin delivery", e);
    }
  }

  @Override
  public void flush(String node, List<Finished> finished, List<Completed> completed) {
    if (finished.isEmpty() && completed.isEmpty()) {
      return;
    }
    // No deadlocks: bot rows are locked first and in account order, like EXTEND_LEASES does; a
    // delivery insert (beginDelivery) holds a bot row's share lock and may wait for a delivery
    // row this flush updates, so the flush must not wait for bot rows after updating those.
    List<Finished> finishes = new ArrayList<>(finished);
    finishes.sort(java.util.Comparator.comparing((Finished f) -> f.cycle().accountId())
        .thenComparing(f -> f.cycle().cycleId()).thenComparing(Finished::chat));
    List<Completed> completions = new ArrayList<>(completed);
    completions.sort(java.util.Comparator.comparing((Completed done) -> done.cycle().accountId()));
    transaction(
        "flush finished posts and completed cycles",
        c -> {
          try (PreparedStatement complete = c.prepareStatement(EngineSql.COMPLETE_CYCLE);
              PreparedStatement stats = c.prepareStatement(EngineSql.ADD_STATS);
              PreparedStatement log = c.prepareStatement(EngineSql.LOG_ACTIVITY)) {
            int logged = 0;
            for (Completed done : completions) {
              CycleTally t = done.tally();
              long account = done.cycle().accountId();
              complete.setTimestamp(1, java.sql.Timestamp.from(done.nextRunAt()));
              complete.setLong(2, account);
              complete.setString(3, node);
              complete.setLong(4, done.cycle().cycleId());
              complete.addBatch();
              stats.setLong(1, account);
              stats.setInt(2, t.attempts());
              stats.setInt(3, t.delivered());
              stats.setInt(4, t.failures());
              stats.setInt(5, t.floodWaits());
              stats.setInt(6, t.delivered());
              stats.addBatch();
              // Every cycle's end is in the tenant's activity log (SPEC §2), batched with the rest.
              log.setLong(1, account);
              log.setString(2, t.failures() > 0 ? "CYCLE_FAILURES" : "CYCLE_COMPLETED");
              log.setString(3, null);
              log.setString(4, "cycle " + done.cycle().cycleId() + ": " + t.delivered() + "/" + t.attempts() + " delivered");
              log.addBatch();
              logged++;
            }
            executeBatch(complete, completed.size());
            executeBatch(stats, completed.size());
            executeBatch(log, logged);
          }
          try (PreparedStatement s = c.prepareStatement(EngineSql.FINISH_DELIVERY)) {
            for (Finished f : finishes) {
              boolean delivered = f.outcome() instanceof SendOutcome.Delivered;
              s.setString(1, f.outcome().code());
              s.setObject(2, f.outcome() instanceof SendOutcome.Delivered d ? d.messageId() : null, java.sql.Types.BIGINT);
              s.setString(3, delivered ? null : Outcomes.describe(f.outcome()));
              s.setTimestamp(4, java.sql.Timestamp.from(f.at()));
              s.setLong(5, f.cycle().accountId());
              s.setLong(6, f.cycle().cycleId());
              s.setString(7, f.chat());
              s.addBatch();
            }
            executeBatch(s, finished.size());
          }
        });
  }

  private static void executeBatch(PreparedStatement s, int rows) throws SQLException {
    if (rows > 0) {
      s.executeBatch();
    }
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
      } finally {
        // The pool hands this connection out again as it is: the next user's statements (a
        // claim's row locks, a delivery record that must be committed before its send) must
        // not silently join an open transaction.
        c.setAutoCommit(true);
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
