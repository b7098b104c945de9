package dev.herald.system;

import dev.herald.launcher.Api;
import dev.herald.launcher.DevLauncher;
import dev.herald.launcher.EmbeddedDatabase;
import dev.herald.launcher.Folders;
import dev.herald.launcher.LibertyServer;
import dev.herald.launcher.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One embedded PostgreSQL and one Liberty server with the EAR for the whole run of a test JVM
 * (started on first use, stopped by {@link StopSystemUnderTest} when the JUnit session ends), in
 * the dev profile, with data under {@code target/system-test-<fork>}: one of each per failsafe
 * fork.
 */
public final class SystemUnderTest {

  private static SystemUnderTest instance;

  private final Path workDir;
  private final EmbeddedDatabase database;
  private final LibertyServer server;

  private SystemUnderTest(Path workDir) {
    this.workDir = workDir;
    this.database = new EmbeddedDatabase(workDir, Ports.free());
    this.server = serverOfThisFork(Ports.free(), testEnvironment(workDir, database));
  }

  /**
   * The installed server for the first test JVM, a copy of it for each other one (the failsafe fork
   * in {@code herald.fork}, {@code fork-<number>}): two Liberty processes may not share a server
   * folder.
   */
  private static LibertyServer serverOfThisFork(int port, Map<String, String> env) {
    String name = System.getProperty("herald.server.name", "herald");
    LibertyServer installed =
        new LibertyServer(LibertyServer.wlpDirFromSystemProperty(), name, port, env);
    String fork = System.getProperty("herald.fork", "fork-1");
    return fork.equals("fork-1") ? installed : installed.copyAs(name + "-" + fork, port, env);
  }

  /** The shared billing secret of the test server (BillingWebhookIT signs with it). */
  public static final String BILLING_SECRET = "system-test-billing-secret";

  /**
   * The dev environment plus what the tests need: a billing secret, loopback as the trusted proxy
   * (so a test picks its rate-limit client with X-Forwarded-For), and global and login limits high
   * enough that the whole suite, all from one address, never trips them. RateLimitIT checks the
   * default limits on a server of its own.
   */
  static Map<String, String> testEnvironment(Path workDir, EmbeddedDatabase database) {
    Map<String, String> env = new HashMap<>(DevLauncher.devEnvironment(workDir, database));
    env.put("HERALD_BILLING_SECRET", BILLING_SECRET);
    env.put("HERALD_TRUSTED_PROXIES", "127.0.0.1,::1");
    env.put("HERALD_RATE_LIMIT_DEFAULT_PER_MINUTE", "100000");
    env.put("HERALD_RATE_LIMIT_LOGIN_PER_MINUTE", "1000");
    // TargetsIT's paced joins: each fresh session joins 2 of the dev world's chats in its first
    // hour (chats the open world creates admit everyone without a join, so other tests are not
    // paced).
    env.put("HERALD_TARGETS_JOINS_PER_HOUR", "2");
    return Map.copyOf(env);
  }

  public static synchronized SystemUnderTest get() {
    if (instance == null) {
      Path work =
          Path.of(System.getProperty("herald.work.dir", "target/system-test")).toAbsolutePath();
      Folders.deleteTree(work);
      SystemUnderTest started = new SystemUnderTest(work);
      started.database.start();
      started.server.start(Duration.ofMinutes(4));
      instance = started;
    }
    return instance;
  }

  static synchronized void stopIfStarted() {
    if (instance != null) {
      instance.server.stop();
      instance.database.stop();
      instance = null;
    }
  }

  public EmbeddedDatabase database() {
    return database;
  }

  public LibertyServer server() {
    return server;
  }

  public Path workDir() {
    return workDir;
  }

  public Path keysDir() {
    return workDir.resolve("data/keys");
  }

  public String adminPassword() {
    try {
      return Files.readString(keysDir().resolve("admin-password")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared server's {@code messages.log} since its last start, empty before it has one. */
  public List<String> messages() {
    Path log = server.messagesLog();
    try {
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Api api() {
    return new Api(server.baseUrl());
  }

  /**
   * Another Liberty server: a copy of the shared one named {@code name}, on a free port, with
   * {@code env}, started and ready. The caller stops it.
   */
  public LibertyServer startCopy(String name, Map<String, String> env) {
    LibertyServer copy = server.copyAs(name, Ports.free(), env);
    copy.start(Duration.ofMinutes(4));
    return copy;
  }

  public Map<String, String> devEnvironment() {
    return DevLauncher.devEnvironment(workDir, database);
  }

  public Map<String, String> testEnvironment() {
    return testEnvironment(workDir, database);
  }
}
