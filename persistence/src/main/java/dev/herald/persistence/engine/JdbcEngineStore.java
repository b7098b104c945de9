package dev.herald.persistence.engine;

import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryStart;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.EngineStore;
import dev.herald.domain.telegram.SendOutcome;
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
  public List<DeliveryStart> beginDeliveries(String node, List<Begin> posts) {
    if (posts.isEmpty()) {
      return List.of();
    }
    int n = posts.size();
    Long[] accounts = new Long[n];
    Long[] cycles = new Long[n];
    String[] chats = new String[n];
    String[] senderKinds = new String[n];
    Long[] senderIds = new Long[n];
    Long[] planned = new Long[n];
    for (int i = 0; i < n; i++) {
      Begin post = posts.get(i);
      accounts[i] = post.cycle().accountId();
      cycles[i] = post.cycle().cycleId();
      chats[i] = post.chat();
      senderKinds[i] = post.sender().kind().name();
      senderIds[i] = post.sender().id();
      planned[i] = post.cycle().plannedAt().toEpochMilli();
    }
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true); // the records must be committed when the statement returns (rule 10)
      }
      try (PreparedStatement s = c.prepareStatement(EngineSql.BEGIN_DELIVERIES)) {
        s.setArray(1, c.createArrayOf("bigint", accounts));
        s.setArray(2, c.createArrayOf("bigint", cycles));
        s.setArray(3, c.createArrayOf("text", chats));
        s.setArray(4, c.createArrayOf("text", senderKinds));
        s.setArray(5, c.createArrayOf("bigint", senderIds));
        s.setArray(6, c.createArrayOf("bigint", planned));
        s.setArray(7, c.createArrayOf("bigint", accounts));
        s.setString(8, node);
        s.setString(9, node);
        List<DeliveryStart> starts = new ArrayList<>(n);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            starts.add(
                !rs.getBoolean(1)
                    ? DeliveryStart.BOT_NOT_RUNNING
                    : rs.getBoolean(2) ? DeliveryStart.SEND : DeliveryStart.ALREADY_ATTEMPTED);
          }
        }
        return starts;
      }
    } catch (SQLException e) {
      throw new EngineStoreException("begin deliveries", e);
    }
  }

  @Override
  public void flush(String node, List<Finished> finished, List<Completed> completed) {
    if (finished.isEmpty() && completed.isEmpty()) {
      return;
    }
    int n = completed.size();
    Long[] accounts = new Long[n];
    Long[] cycles = new Long[n];
    Long[] nextRuns = new Long[n];
    Integer[] attempts = new Integer[n];
    Integer[] delivered = new Integer[n];
    Integer[] failures = new Integer[n];
    Integer[] floodWaits = new Integer[n];
    String[] events = new String[n];
    String[] messages = new String[n];
    for (int i = 0; i < n; i++) {
      Completed done = completed.get(i);
      CycleTally t = done.tally();
      accounts[i] = done.cycle().accountId();
      cycles[i] = done.cycle().cycleId();
      nextRuns[i] = done.nextRunAt().toEpochMilli();
      attempts[i] = t.attempts();
      delivered[i] = t.delivered();
      failures[i] = t.failures();
      floodWaits[i] = t.floodWaits();
      // Every cycle's end is in the tenant's activity log (SPEC §2).
      events[i] = t.failures() > 0 ? "CYCLE_FAILURES" : "CYCLE_COMPLETED";
      messages[i] =
          "cycle "
              + done.cycle().cycleId()
              + ": "
              + t.delivered()
              + "/"
              + t.attempts()
              + " delivered";
    }
    int m = finished.size();
    Long[] fAccounts = new Long[m];
    Long[] fCycles = new Long[m];
    String[] fChats = new String[m];
    String[] fOutcomes = new String[m];
    Long[] fMessageIds = new Long[m];
    String[] fErrors = new String[m];
    Long[] fAt = new Long[m];
    for (int i = 0; i < m; i++) {
      Finished f = finished.get(i);
      fAccounts[i] = f.cycle().accountId();
      fCycles[i] = f.cycle().cycleId();
      fChats[i] = f.chat();
      fOutcomes[i] = f.outcome().code();
      fMessageIds[i] = f.outcome() instanceof SendOutcome.Delivered d ? d.messageId() : null;
      fErrors[i] =
          f.outcome() instanceof SendOutcome.Delivered ? null : Outcomes.describe(f.outcome());
      fAt[i] = f.at().toEpochMilli();
    }
    // One transaction, and one round trip (the driver sends the statements of FLUSH together):
    // a completed cycle never shows a post still SENDING.
    transaction(
        "flush finished posts and completed cycles",
        c -> {
          try (PreparedStatement s = c.prepareStatement(EngineSql.FLUSH)) {
            Object[] args = {
              c.createArrayOf("bigint", accounts), // LOCK_BOTS
              c.createArrayOf("bigint", accounts),
              c.createArrayOf("bigint", cycles), // COMPLETE_CYCLES
              c.createArrayOf("bigint", nextRuns),
              node,
              c.createArrayOf("bigint", accounts),
              c.createArrayOf("int4", attempts), // ADD_STATS
              c.createArrayOf("int4", delivered),
              c.createArrayOf("int4", failures),
              c.createArrayOf("int4", floodWaits),
              c.createArrayOf("bigint", accounts),
              c.createArrayOf("text", events), // LOG_ACTIVITIES
              c.createArrayOf("text", messages),
              c.createArrayOf("bigint", fAccounts),
              c.createArrayOf("bigint", fCycles), // FINISH_DELIVERIES
              c.createArrayOf("text", fChats),
              c.createArrayOf("text", fOutcomes),
              c.createArrayOf("bigint", fMessageIds),
              c.createArrayOf("text", fErrors),
              c.createArrayOf("bigint", fAt)
            };
            for (int i = 0; i < args.length; i++) {
              s.setObject(i + 1, args[i]);
            }
            s.execute();
          }
        });
  }

  @Override
  public void coolDownSession(long accountId, long sessionId, Instant until, String reason) {
    transaction(
        "cool down session",
        c -> {
          execute(c, EngineSql.COOL_DOWN_SESSION, java.sql.Timestamp.from(until), sessionId);
          execute(
              c,
              EngineSql.LOG_ACTIVITY,
              accountId,
              "FLOOD_WAIT",
              reason,
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
          execute(
              c,
              EngineSql.LOG_ACTIVITY,
              accountId,
              "SESSION_BANNED",
              reason,
              "session " + sessionId + " banned");
          try (Statement lock = new Statement(c, SessionSql.LOCK_API_PAIRS)) {
            lock.query();
          }
          try (Statement next = new Statement(c, SessionSql.NEXT_FREE_SESSION)) {
            next.query().ifPresent(replacement::add);
          }
          if (replacement.isEmpty()) {
            execute(
                c,
                EngineSql.MARK_IDLE,
                "No usable session left: session " + sessionId + " was banned (" + reason + ")",
                accountId);
          } else {
            execute(c, SessionSql.ASSIGN_SESSION, accountId, replacement.get(0));
            execute(
                c,
                EngineSql.LOG_ACTIVITY,
                accountId,
                "SESSION_REPLACED",
                reason,
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
  public void heartbeat(String node, Duration lease, List<Long> heldAccounts) {
    transaction(
        "heartbeat",
        c -> {
          execute(c, EngineSql.HEARTBEAT, node);
          execute(
              c,
              EngineSql.EXTEND_LEASES,
              lease.toMillis() / 1000.0,
              c.createArrayOf("bigint", heldAccounts.toArray()),
              node,
              lease.toMillis() / 2000.0);
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
      throw new EngineStoreException(
          sql.strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT), e);
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
