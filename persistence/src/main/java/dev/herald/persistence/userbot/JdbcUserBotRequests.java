package dev.herald.persistence.userbot;

import dev.herald.domain.userbot.UserBotRequests;
import dev.herald.persistence.DirectPoolStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link UserBotRequests} in plain JDBC on the non-transactional pool, one autocommitted statement
 * each. The count changes no column the bot's state shows, so it announces nothing (V92's trigger).
 */
@ApplicationScoped
public class JdbcUserBotRequests extends DirectPoolStore implements UserBotRequests {

  static final String LIMITS =
      "SELECT rate_limit_rps, max_concurrent_requests FROM user_bot WHERE account_id = ?";

  static final String COUNT =
      "UPDATE user_bot SET total_requests = total_requests + ?, last_used_at = now()"
          + " WHERE account_id = ?";

  public JdbcUserBotRequests() {}

  /** For tests and tools outside the container. */
  public JdbcUserBotRequests(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  public Optional<Limits> limitsOf(long accountId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(LIMITS)) {
      s.setLong(1, accountId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(new Limits(rs.getInt(1), rs.getInt(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the request limits of bot " + accountId, e);
    }
  }

  @Override
  public void count(long accountId, long requests) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(COUNT)) {
      s.setLong(1, requests);
      s.setLong(2, accountId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the requests of bot " + accountId, e);
    }
  }
}
