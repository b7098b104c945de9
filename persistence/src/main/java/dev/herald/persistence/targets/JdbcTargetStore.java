package dev.herald.persistence.targets;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetError;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.targets.TargetStore;
import dev.herald.domain.telegram.Sender;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link TargetStore} on the engine's non-transactional pool: one read, one batched upsert. */
@ApplicationScoped
public class JdbcTargetStore implements TargetStore {

  @Resource(lookup = "jdbc/heraldDirect")
  DataSource dataSource;

  public JdbcTargetStore() {}

  /** For tests and tools outside the container. */
  public JdbcTargetStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Map<TargetKey, ChatTarget> forAccount(long accountId) {
    Map<TargetKey, ChatTarget> targets = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(TargetSql.FOR_ACCOUNT)) {
      s.setLong(1, accountId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ChatTarget target = target(accountId, rs);
          targets.put(target.key(), target);
        }
      }
      return targets;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the targets of account " + accountId + " failed", e);
    }
  }

  @Override
  public void save(List<ChatTarget> targets) {
    if (targets.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(TargetSql.UPSERT)) {
        for (ChatTarget target : targets) {
          bind(s, target);
          s.addBatch();
        }
        s.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Writing " + targets.size() + " targets failed", e);
    }
  }

  @Override
  public Map<String, Instant> lastDelivered(long accountId) {
    Map<String, Instant> last = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(TargetSql.LAST_DELIVERED)) {
      s.setLong(1, accountId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Timestamp at = rs.getTimestamp(2);
          if (at != null) {
            last.put(rs.getString(1), at.toInstant());
          }
        }
      }
      return last;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the deliveries of account " + accountId + " failed", e);
    }
  }

  private static void bind(PreparedStatement s, ChatTarget target) throws SQLException {
    TargetKey key = target.key();
    s.setLong(1, key.accountId());
    s.setString(2, key.senderKind().name());
    s.setLong(3, key.senderId());
    s.setString(4, key.chat());
    if (target.resolved()) {
      s.setLong(5, target.chatId());
    } else {
      s.setNull(5, Types.BIGINT);
    }
    s.setString(6, target.title());
    s.setString(7, target.membership().name());
    s.setInt(8, target.slowModeSeconds());
    s.setTimestamp(9, target.nextPostAt().map(Timestamp::from).orElse(null));
    s.setTimestamp(10, target.joinedAt().map(Timestamp::from).orElse(null));
    s.setString(11, target.lastError().map(TargetError::code).orElse(null));
    s.setString(12, target.lastError().map(TargetError::message).orElse(null));
    s.setLong(13, key.accountId());
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
            : Optional.of(new TargetError(code, rs.getString("last_error_message"))));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return Optional.ofNullable(at).map(Timestamp::toInstant);
  }
}
