package dev.herald.persistence.sessionstate;

import dev.herald.domain.session.SessionStateStore;
import dev.herald.domain.session.StoredSessionState;
import dev.herald.domain.shared.crypto.DataCipher;
import dev.herald.persistence.DirectPoolStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link SessionStateStore} in plain JDBC on the non-transactional pool: each call is one
 * autocommitted statement, so a snapshot written on close is durable before the next node reads it.
 */
@ApplicationScoped
public class JdbcSessionStateStore extends DirectPoolStore implements SessionStateStore {

  /**
   * One statement: insert, or replace only when the hash differs (an unchanged state is not
   * rewritten, and the update count says whether anything was). Parameters: session id, ciphertext,
   * sha256, node.
   */
  static final String SAVE =
      "INSERT INTO session_tdlib_state (session_id, ciphertext, snapshot_sha256, updated_at,"
          + " updated_by_node) VALUES (?, ?, ?, now(), ?) ON CONFLICT (session_id) DO UPDATE SET"
          + " ciphertext = EXCLUDED.ciphertext, snapshot_sha256 = EXCLUDED.snapshot_sha256,"
          + " updated_at = EXCLUDED.updated_at, updated_by_node = EXCLUDED.updated_by_node WHERE"
          + " session_tdlib_state.snapshot_sha256 <> EXCLUDED.snapshot_sha256";

  static final String LOAD =
      "SELECT ciphertext, snapshot_sha256, updated_at, updated_by_node FROM session_tdlib_state"
          + " WHERE session_id = ?";

  static final String DELETE = "DELETE FROM session_tdlib_state WHERE session_id = ?";

  @Inject DataCipher cipher;

  public JdbcSessionStateStore() {}

  /** For tests and tools outside the container. */
  public JdbcSessionStateStore(DataSource dataSource, DataCipher cipher) {
    super(dataSource);
    this.cipher = cipher;
  }

  @Override
  public boolean save(long sessionId, byte[] snapshot, String sha256, String node) {
    String sealed = cipher.encryptBytes(snapshot);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(SAVE)) {
      s.setLong(1, sessionId);
      s.setString(2, sealed);
      s.setString(3, sha256);
      s.setString(4, node.length() > 100 ? node.substring(0, 100) : node);
      return s.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the TDLib state of session " + sessionId, e);
    }
  }

  @Override
  public Optional<StoredSessionState> load(long sessionId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(LOAD)) {
      s.setLong(1, sessionId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredSessionState(
                sessionId,
                cipher.decryptBytes(rs.getString(1)),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                rs.getString(4)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the TDLib state of session " + sessionId, e);
    }
  }

  @Override
  public void delete(long sessionId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(DELETE)) {
      s.setLong(1, sessionId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not delete the TDLib state of session " + sessionId, e);
    }
  }
}
