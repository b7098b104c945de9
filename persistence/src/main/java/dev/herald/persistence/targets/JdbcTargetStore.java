package dev.herald.persistence.targets;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetError;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.targets.TargetStore;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.ArrayParameters;
import dev.herald.persistence.DirectPoolStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/** {@link TargetStore} on the engine's non-transactional pool: one read, one batched upsert. */
@ApplicationScoped
public class JdbcTargetStore extends DirectPoolStore implements TargetStore {

  public JdbcTargetStore() {}

  /** For tests and tools outside the container. */
  public JdbcTargetStore(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  public Map<TargetKey, ChatTarget> forAccount(long accountId) {
    Map<TargetKey, ChatTarget> targets = new HashMap<>();
    eachRow(
        TargetSql.FOR_ACCOUNT,
        accountId,
        "targets",
        rs -> {
          ChatTarget target = target(accountId, rs);
          targets.put(target.key(), target);
        });
    return targets;
  }

  @Override
  public Map<Long, Map<TargetKey, ChatTarget>> forAccounts(Collection<Long> accountIds) {
    Map<Long, Map<TargetKey, ChatTarget>> all = new HashMap<>();
    accountIds.forEach(id -> all.put(id, new HashMap<>()));
    if (accountIds.isEmpty()) {
      return all;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(TargetSql.FOR_ACCOUNTS)) {
      s.setArray(1, c.createArrayOf("bigint", accountIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ChatTarget target = target(rs.getLong("account_id"), rs);
          all.get(target.key().accountId()).put(target.key(), target);
        }
      }
      return all;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the targets of " + accountIds.size() + " accounts failed", e);
    }
  }

  @Override
  public void save(List<ChatTarget> targets) {
    if (targets.isEmpty()) {
      return;
    }
    Map<TargetKey, ChatTarget> last = new LinkedHashMap<>();
    targets.forEach(target -> last.put(target.key(), target));
    List<ChatTarget> rows = new ArrayList<>(last.values());
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(TargetSql.UPSERT)) {
      ArrayParameters p = new ArrayParameters(c, s);
      p.array(p.column("bigint", rows, Long[]::new, t -> t.key().accountId()))
          .array(p.column("text", rows, String[]::new, t -> t.key().senderKind().name()))
          .array(p.column("bigint", rows, Long[]::new, t -> t.key().senderId()))
          .array(p.column("text", rows, String[]::new, t -> t.key().chat()))
          .array(p.column("bigint", rows, Long[]::new, t -> t.resolved() ? t.chatId() : null))
          .array(p.column("text", rows, String[]::new, ChatTarget::title))
          .array(p.column("text", rows, String[]::new, t -> t.membership().name()))
          .array(p.column("integer", rows, Integer[]::new, ChatTarget::slowModeSeconds))
          .array(p.column("timestamptz", rows, Timestamp[]::new, t -> timestamp(t.nextPostAt())))
          .array(p.column("timestamptz", rows, Timestamp[]::new, t -> timestamp(t.joinedAt())))
          .array(
              p.column(
                  "text",
                  rows,
                  String[]::new,
                  t -> t.lastError().map(TargetError::code).orElse(null)))
          .array(
              p.column(
                  "text",
                  rows,
                  String[]::new,
                  t -> t.lastError().map(TargetError::message).orElse(null)))
          .array(p.column("timestamptz", rows, Timestamp[]::new, t -> timestamp(t.memberSince())))
          .array(p.column("timestamptz", rows, Timestamp[]::new, t -> timestamp(t.postedNewAt())));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Writing " + rows.size() + " targets failed", e);
    }
  }

  @Override
  public List<ChatTarget> ofSessionElsewhere(long sessionId, long accountId, Instant since) {
    List<ChatTarget> targets = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(TargetSql.OF_SESSION_ELSEWHERE)) {
      s.setLong(1, sessionId);
      s.setLong(2, accountId);
      s.setTimestamp(3, Timestamp.from(since));
      s.setTimestamp(4, Timestamp.from(since));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          targets.add(target(rs.getLong("account_id"), rs));
        }
      }
      return targets;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the targets of session " + sessionId + " in other accounts failed", e);
    }
  }

  @Override
  public OptionalLong chatIdOf(long sessionId, String chat) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(TargetSql.CHAT_ID_OF)) {
      s.setLong(1, sessionId);
      s.setString(2, chat);
      s.setString(3, chat);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading session " + sessionId + "'s chat id of " + chat + " failed", e);
    }
  }

  @Override
  public Set<Long> movedSessions(Collection<Long> sessionIds, Instant since) {
    Set<Long> moved = new HashSet<>();
    if (sessionIds.isEmpty()) {
      return moved;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(TargetSql.MOVED_SESSIONS)) {
      s.setArray(1, c.createArrayOf("bigint", sessionIds.toArray()));
      s.setTimestamp(2, Timestamp.from(since));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          moved.add(rs.getLong(1));
        }
      }
      return moved;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading which sessions moved failed", e);
    }
  }

  @Override
  public Map<String, Instant> lastDelivered(long accountId) {
    Map<String, Instant> last = new HashMap<>();
    eachRow(
        TargetSql.LAST_DELIVERED,
        accountId,
        "deliveries",
        rs -> {
          Timestamp at = rs.getTimestamp(2);
          if (at != null) {
            last.put(rs.getString(1), at.toInstant());
          }
        });
    return last;
  }

  /** Hands each row {@code sql} reads for one account (its only parameter) to {@code row}. */
  private void eachRow(String sql, long accountId, String what, Row row) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the " + what + " of account " + accountId + " failed", e);
    }
  }

  @FunctionalInterface
  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private static Timestamp timestamp(Optional<Instant> at) {
    return at.map(Timestamp::from).orElse(null);
  }

  private static ChatTarget target(long accountId, ResultSet rs) throws SQLException {
    TargetKey key =
        new TargetKey(
            accountId,
            Sender.Kind.valueOf(rs.getString("sender_kind")),
            rs.getLong("sender_id"),
            rs.getString("chat_ref"));
    String code = rs.getString("last_error_code");
    return new ChatTarget(
        key,
        rs.getLong("chat_id"),
        rs.getString("title"),
        TargetMembership.valueOf(rs.getString("membership")),
        rs.getInt("slow_mode_seconds"),
        instant(rs, "next_post_at"),
        instant(rs, "joined_at"),
        code == null
            ? Optional.empty()
            : Optional.of(new TargetError(code, rs.getString("last_error_message"))),
        instant(rs, "member_since"),
        instant(rs, "posted_new_at"));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return Optional.ofNullable(at).map(Timestamp::toInstant);
  }
}
