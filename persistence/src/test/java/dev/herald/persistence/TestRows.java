package dev.herald.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Rows for the engine's JDBC tests, written and read in plain SQL. */
public final class TestRows {

  private final DataSource dataSource;

  public TestRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** An account with the given plan (expiry may be null); returns its id. */
  public long account(String planStatus, Instant planExpiresAt) {
    return insert(
        "INSERT INTO account (subject, role, plan_status, plan_expires_at, plan_updated_at,"
            + " max_sessions, max_groups, min_delay_between_posts_s, min_delay_between_cycles_s,"
            + " max_posts_per_day, created_at) VALUES ('s-' || gen_random_uuid(), 'USER', ?, ?,"
            + " now(), 3, 10, 0, 1, 1000, now()) RETURNING id",
        planStatus,
        ts(planExpiresAt));
  }

  /** A running-plan account with a bot of {@code status}, due at {@code nextRunAt}. */
  public long bot(long accountId, String status, Instant nextRunAt, String groups) {
    update(
        "INSERT INTO bot (account_id, status, post_type, post_text, delay_between_posts_s,"
            + " delay_between_cycles_s, next_run_at, updated_at) VALUES (?, ?, 'TEXT', 'hello', 0,"
            + " 60, ?, now())",
        accountId,
        status,
        ts(nextRunAt));
    int position = 0;
    for (String group : groups.isEmpty() ? new String[0] : groups.split(",")) {
      update(
          "INSERT INTO bot_target_group (account_id, position, chat_ref) VALUES (?, ?, ?)",
          accountId,
          position++,
          group);
    }
    return accountId;
  }

  public void lease(long accountId, String node, Instant until) {
    update(
        "UPDATE bot SET lease_owner = ?, lease_until = ? WHERE account_id = ?",
        node,
        ts(until),
        accountId);
  }

  public long apiPair(int capacity) {
    return insert(
        "INSERT INTO api_pair (api_id, api_hash_encrypted, capacity, created_at) VALUES"
            + " ((SELECT coalesce(max(api_id), 0) + 1 FROM api_pair), 'x', ?, now()) RETURNING id",
        capacity);
  }

  /** A session of the pair; {@code accountId} and {@code floodWaitUntil} may be null. */
  public long session(long pairId, String state, Long accountId, Instant floodWaitUntil) {
    return insert(
        "INSERT INTO telegram_session (api_pair_id, phone_masked, state, assigned_account_id,"
            + " flood_wait_until, created_at, updated_at) VALUES (?, '+44****12', ?, ?, ?, now(),"
            + " now()) RETURNING id",
        pairId,
        state,
        accountId,
        ts(floodWaitUntil));
  }

  public long count(String sql, Object... args) {
    return ((Number) one(sql, args)).longValue();
  }

  public String text(String sql, Object... args) {
    Object value = one(sql, args);
    return value == null ? null : value.toString();
  }

  public Object one(String sql, Object... args) {
    List<Object> column = column(sql, args);
    return column.isEmpty() ? null : column.get(0);
  }

  /** The first column of every row. */
  public List<Object> column(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      List<Object> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private long insert(String sql, Object... args) {
    return count(sql, args);
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
    return s;
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
