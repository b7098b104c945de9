package dev.herald.container;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One fresh PostgreSQL for the whole test JVM, started before Arquillian starts Liberty: a JUnit
 * extension cannot do it, since in-container test classes may only use what their deployment holds.
 * It writes the test server's {@code server.env} with the dev profile's environment (as {@code
 * ./herald run} sets it) pointing at this database, and stops PostgreSQL when the session ends,
 * after Arquillian stopped Liberty.
 */
public class ContainerTestDatabase implements LauncherSessionListener {

  static final String NAME = "herald";
  static final String USER = "herald";

  /** Local trust authentication: this password is not checked and guards nothing. */
  static final String PASSWORD = "herald";

  private EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String serverDir = System.getProperty("herald.server.dir");
    if (serverDir == null) {
      return; // not run by failsafe in this module (an IDE running a single class, say)
    }
    Path work = Path.of(System.getProperty("herald.work.dir"));
    // A fresh database and fresh dev keys every run (the PostgreSQL binaries stay extracted).
    deleteTree(work.resolve("postgres"));
    deleteTree(work.resolve("data"));
    deleteTree(Path.of(serverDir, "dropins")); // what an aborted run left would deploy itself
    try {
      Files.createDirectories(work.resolve("postgres-binaries"));
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(work.resolve("postgres"))
              .setOverrideWorkingDirectory(work.resolve("postgres-binaries").toFile())
              .setPort(freePort())
              .start();
      createRoleAndDatabase();
      Files.writeString(
          Path.of(serverDir, "server.env"), serverEnv(work, postgres.getPort(), freePort()));
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL for the container tests did not start", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The dev profile's variables (see DevLauncher in the ear module) for this database. */
  static String serverEnv(Path work, int databasePort, int httpPort) {
    return String.join(
        "\n",
        "HERALD_PROFILE=dev",
        "HERALD_DATA_DIR=" + work.resolve("data"),
        "DB_HOST=localhost",
        "DB_PORT=" + databasePort,
        "DB_NAME=" + NAME,
        "DB_USER=" + USER,
        "DB_PASSWORD=" + PASSWORD,
        "HTTP_PORT=" + httpPort,
        "");
  }

  private void createRoleAndDatabase() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
      s.execute("CREATE DATABASE " + NAME + " OWNER " + USER);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the herald database", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
