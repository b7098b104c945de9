package dev.herald.persistence.media;

import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaStore;
import dev.herald.domain.media.Medium;
import dev.herald.domain.media.NewMedium;
import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.DirectPoolStore;
import dev.herald.persistence.LocalTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link MediaStore} in plain JDBC on the non-transactional pool: an upload is one transaction of
 * its own (lock the account, count, insert), committed or rolled back whole.
 */
@ApplicationScoped
public class JdbcMediaStore extends DirectPoolStore implements MediaStore {

  public JdbcMediaStore() {}

  /** For tests and tools outside the container. */
  public JdbcMediaStore(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  public Optional<Medium> insert(NewMedium m, int maxCount) {
    try (Connection c = dataSource.getConnection()) {
      return LocalTransaction.run(c, tx -> insert(tx, m, maxCount));
    } catch (SQLException e) {
      throw failed("store a medium", e);
    }
  }

  private static Optional<Medium> insert(Connection c, NewMedium m, int maxCount)
      throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(MediaSql.LOCK_ACCOUNT)) {
      lock.setLong(1, m.accountId());
      lock.executeQuery().close();
    }
    try (PreparedStatement count = c.prepareStatement(MediaSql.COUNT)) {
      count.setLong(1, m.accountId());
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        if (rs.getLong(1) >= maxCount) {
          return Optional.empty();
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(MediaSql.INSERT)) {
      s.setLong(1, m.accountId());
      s.setString(2, m.format().kind().name());
      s.setString(3, m.format().contentType());
      s.setString(4, m.fileName());
      s.setLong(5, m.bytes().length);
      s.setString(6, m.sha256());
      s.setBytes(7, m.bytes());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return Optional.of(medium(rs));
      }
    }
  }

  @Override
  public Optional<Medium> find(long accountId, long id) {
    return first("read a medium", MediaSql.FIND, JdbcMediaStore::medium, accountId, id);
  }

  @Override
  public List<Medium> findAll(long accountId, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(MediaSql.FIND_ALL)) {
      s.setLong(1, accountId);
      s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
      return media(s);
    } catch (SQLException e) {
      throw failed("read media", e);
    }
  }

  @Override
  public Page<Medium> list(long accountId, PageRequest page) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(MediaSql.LIST)) {
      s.setLong(1, accountId);
      if (page.after() == null) {
        s.setNull(2, Types.BIGINT);
        s.setNull(3, Types.BIGINT);
      } else {
        s.setLong(2, page.after());
        s.setLong(3, page.after());
      }
      s.setInt(4, page.fetchSize());
      return page.page(media(s), Medium::id);
    } catch (SQLException e) {
      throw failed("list media", e);
    }
  }

  @Override
  public Deletion delete(long accountId, long id) {
    if (first("check a medium's use", MediaSql.IN_USE, rs -> rs.getInt(1), accountId, id)
        .isPresent()) {
      return Deletion.IN_USE;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(MediaSql.DELETE)) {
      s.setLong(1, accountId);
      s.setLong(2, id);
      return s.executeUpdate() == 1 ? Deletion.DELETED : Deletion.NOT_FOUND;
    } catch (SQLException e) {
      throw failed("delete a medium", e);
    }
  }

  @Override
  public Optional<byte[]> content(long id) {
    return first("read a medium's bytes", MediaSql.CONTENT, rs -> rs.getBytes(1), id);
  }

  @Override
  public Optional<String> remoteFileId(long mediumId, Sender sender) {
    return first(
        "read a file id",
        MediaSql.REMOTE_FILE_ID,
        rs -> rs.getString(1),
        mediumId,
        sender.kind().name(),
        sender.id());
  }

  @Override
  public void rememberRemoteFileId(long mediumId, Sender sender, String remoteFileId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(MediaSql.REMEMBER_REMOTE_FILE_ID)) {
      s.setLong(1, mediumId);
      s.setString(2, sender.kind().name());
      s.setLong(3, sender.id());
      s.setString(4, remoteFileId);
      s.setLong(5, mediumId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed("keep a file id", e);
    }
  }

  /** Reads one value from a row. */
  @FunctionalInterface
  private interface Column<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The first row's value, if any. */
  private <T> Optional<T> first(String what, String sql, Column<T> column, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(column.read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  private static List<Medium> media(PreparedStatement s) throws SQLException {
    List<Medium> media = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        media.add(medium(rs));
      }
    }
    return media;
  }

  private static Medium medium(ResultSet rs) throws SQLException {
    return new Medium(
        rs.getLong("id"),
        rs.getLong("account_id"),
        MediaKind.valueOf(rs.getString("kind")),
        rs.getString("content_type"),
        rs.getString("file_name"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException("Could not " + what, e);
  }
}
