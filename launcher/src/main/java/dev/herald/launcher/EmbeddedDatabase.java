package dev.herald.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL from Maven artifacts (zonky), with its data folder kept where we say, so data survives
 * restarts. It can be stopped and started again on the same folder and port, which is how the tests
 * simulate a database outage.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String NAME = "herald";
  public static final String USER = "herald";

  /** Local trust authentication: this password is not checked and guards nothing. */
  public static final String PASSWORD = "herald";

  private final Path dataDir;
  private final Path binariesDir;
  private final int port;
  private final boolean durable;
  private final Map<String, String> serverConfig = new LinkedHashMap<>();
  private EmbeddedPostgres postgres;

  /** A throwaway database for tests and benchmarks (zonky's fsync=off, synchronous_commit=off). */
  public EmbeddedDatabase(Path workDir, int port) {
    this(workDir, port, false);
  }

  /** {@code durable}: fsync and synchronous commit on, for the dev run whose data must survive. */
  public EmbeddedDatabase(Path workDir, int port, boolean durable) {
    this.dataDir = workDir.resolve("postgres");
    this.binariesDir = workDir.resolve("postgres-binaries");
    this.port = port;
    this.durable = durable;
  }

  /** A PostgreSQL setting for the next {@link #start()}, e.g. shared_preload_libraries. */
  public synchronized EmbeddedDatabase serverConfig(String name, String value) {
    serverConfig.put(name, value);
    return this;
  }

  public synchronized EmbeddedDatabase start() {
    if (postgres != null) {
      return this;
    }
    try {
      Files.createDirectories(binariesDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(binariesDir.toFile())
              .setPort(port)
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "128MB");
      if (durable) {
        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      }
      serverConfig.forEach(builder::setServerConfig);
      postgres = builder.start();
      createRoleAndDatabase();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
    }
  }

  private void createRoleAndDatabase() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet role =
          s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
        if (!role.next()) {
          s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
      }
      try (ResultSet db =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
        if (!db.next()) {
          s.execute("CREATE DATABASE " + NAME + " OWNER " + USER);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the herald database", e);
    }
  }

  /** Stops PostgreSQL (fast shutdown); {@link #start()} brings it back with the same data. */
  public synchronized void stop() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      postgres = null;
    }
  }

  public synchronized boolean running() {
    return postgres != null;
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + NAME;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
  }

  /** The cluster's superuser (zonky's initdb user), for what the application role may not do. */
  public Connection connectAsSuperuser() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  /** A statement on {@code c} with {@code args} bound to its {@code ?} in order. */
  public static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
    return s;
  }

  @Override
  public void close() {
    stop();
  }
}
