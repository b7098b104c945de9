package dev.herald.bench;

import dev.herald.launcher.Blocking;
import dev.herald.launcher.EmbeddedDatabase;
import dev.herald.launcher.Folders;
import dev.herald.launcher.LibertyServer;
import dev.herald.launcher.Pause;
import dev.herald.launcher.Ports;
import dev.herald.launcher.SendLogFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh embedded PostgreSQL and one Liberty server with the EAR (dev profile, sandbox gateway),
 * with all data under {@code bench/target/bench}, plus the probes a benchmark needs: the server's
 * pid, heap after a full GC (jcmd), live threads, SQL.
 */
public final class BenchServer implements AutoCloseable {

  static final String SERVER_NAME = "herald-bench";

  public final Path workDir;
  public final EmbeddedDatabase database;
  public final LibertyServer server;

  /** From running {@code server start} to {@code /health/ready} answering 200. */
  public long startToReadyMs;

  /** From the Liberty JVM's process start (the kernel's) to {@code /health/ready} answering 200. */
  public long jvmStartToReadyMs;

  private final LibertyServer template;
  private final Map<String, String> env;
  private boolean statementStats;
  private long pid;

  public BenchServer(String name) {
    this(name, Map.of());
  }

  /**
   * {@code extraEnv}: settings this benchmark needs on top of the dev environment (and says so).
   */
  public BenchServer(String name, Map<String, String> extraEnv) {
    workDir =
        Path.of(System.getProperty("herald.bench.dir", "target/bench"))
            .toAbsolutePath()
            .resolve(name);
    Folders.deleteTree(workDir);
    // BENCH_DURABLE=1: fsync and synchronous commit on, as a production database runs; by default
    // both are off (zonky's throwaway settings), which makes a commit nearly free. The report's
    // machine line names the two settings of every run.
    database =
        new EmbeddedDatabase(workDir, Ports.free(), "1".equals(System.getenv("BENCH_DURABLE")));
    Path wlp = LibertyServer.wlpDirFromSystemProperty();
    template =
        new LibertyServer(wlp, System.getProperty("herald.server.name", "herald"), 0, Map.of());
    env = new HashMap<>(environment(workDir, database));
    env.putAll(extraEnv);
    server = template.copyAs(SERVER_NAME, Ports.free(), env);
  }

  /**
   * Another Liberty server on the same database, data folder and environment (a second cluster
   * node) named {@value #SERVER_NAME}-{@code suffix}, on a free port; not started.
   */
  public LibertyServer node(String suffix) {
    return template.copyAs(SERVER_NAME + "-" + suffix, Ports.free(), env);
  }

  /** The sandbox's send logs of every node on this data folder: where duplicates are counted. */
  public SendLogFiles sendLog() {
    return SendLogFiles.inDataDir(workDir.resolve("data"));
  }

  /**
   * The duplicate-post figure every benchmark prints (SPEC rule 17): delivered sends beyond the
   * first per (account, cycle, chat), counted from the send logs, with how many sends they hold.
   */
  public String duplicatesFromSendLog() {
    SendLogFiles log = sendLog();
    return String.format(
        "%d (send log: %d delivered of %d sends received)",
        log.duplicates(), log.delivered(send -> true), log.sends().size());
  }

  /** The JWT signing keys of the dev profile (under the data folder), for {@code Tokens}. */
  public Path keysDir() {
    return workDir.resolve("data/keys");
  }

  /**
   * The dev environment plus every engine, pool and state cache knob of this process's environment.
   */
  static Map<String, String> environment(Path work, EmbeddedDatabase database) {
    Map<String, String> env = new HashMap<>();
    env.put("HERALD_PROFILE", "dev");
    env.put("HERALD_DATA_DIR", work.resolve("data").toString());
    env.put("DB_HOST", "localhost");
    env.put("DB_PORT", Integer.toString(database.port()));
    env.put("DB_NAME", EmbeddedDatabase.NAME);
    env.put("DB_USER", EmbeddedDatabase.USER);
    env.put("DB_PASSWORD", EmbeddedDatabase.PASSWORD);
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("HERALD_ENGINE_")
                  || k.startsWith("HERALD_STATE_CACHE_")
                  || k.equals("ENGINE_THREADS")
                  || k.startsWith("DB_") && k.contains("POOL")
                  || k.equals("JVM_ARGS")) {
                env.put(k, v);
              }
            });
    return env;
  }

  /**
   * Loads pg_stat_statements (call before {@link #start()}), so a benchmark can count the
   * statements each database role runs ({@link StatementCounter}).
   */
  public BenchServer countStatements() {
    database.serverConfig("shared_preload_libraries", "pg_stat_statements");
    database.serverConfig("pg_stat_statements.max", "10000");
    // Planning is counted apart from execution; a statement re-planned per call shows it here.
    database.serverConfig("pg_stat_statements.track_planning", "on");
    statementStats = true;
    return this;
  }

  public BenchServer start() {
    database.start();
    if (statementStats) {
      superuserSql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
    startLiberty(true);
    return this;
  }

  /**
   * Stops Liberty and starts it again with the caches of the first start (the database stays up),
   * so {@link #startToReadyMs} becomes the start of an installed server, not of a fresh one.
   */
  public BenchServer restartWithCaches() {
    server.stop();
    startLiberty(false);
    return this;
  }

  private void startLiberty(boolean clean) {
    long t0 = System.nanoTime();
    server.start(Duration.ofMinutes(4), clean);
    Instant ready = Instant.now();
    startToReadyMs = (System.nanoTime() - t0) / 1_000_000;
    pid = server.pid();
    jvmStartToReadyMs =
        ProcessHandle.of(pid)
            .flatMap(p -> p.info().startInstant())
            .map(started -> Duration.between(started, ready).toMillis())
            .orElse(-1L);
  }

  public long pid() {
    return pid;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      database.stop();
    }
  }

  // ---- probes ----

  /** Heap used after a full GC, in bytes (jcmd GC.run, then GC.heap_info). */
  public long heapAfterGc() {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("unexpected GC.heap_info: " + info);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  public String jcmd(String... command) {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    args.add(Long.toString(pid));
    args.addAll(List.of(command));
    return run(args);
  }

  /** Runs a command to its end; its output and error output, together. */
  public static String run(List<String> command) {
    return Blocking.call(
        () -> {
          Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
          String out = new String(p.getInputStream().readAllBytes());
          p.waitFor();
          return out;
        });
  }

  public ProcStats procStats() {
    return ProcStats.of(pid);
  }

  /** The postmaster and its children: PostgreSQL's CPU. */
  public long postgresCpuTicks() {
    try {
      long postmaster =
          Long.parseLong(
              Files.readAllLines(workDir.resolve("postgres/postmaster.pid")).get(0).strip());
      long total = ProcStats.cpuTicks(postmaster);
      for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
        total += ProcStats.cpuTicks(child.pid());
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's application metrics ({@code /metrics?scope=application}), as text. */
  public String applicationMetrics() {
    return Blocking.call(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(
                                URI.create(server.baseUrl() + "/metrics?scope=application"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
        .body();
  }

  // ---- SQL ----

  public void sql(String statement, Object... args) {
    try (Connection c = database.connect();
        PreparedStatement s = EmbeddedDatabase.prepare(c, statement, args)) {
      s.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  /** A statement the application role may not run (roles, extensions), as the superuser. */
  public void superuserSql(String statement) {
    try (Connection c = database.connectAsSuperuser();
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  /** The first row of a query, each column as a string. */
  public String[] row(String query, Object... args) {
    try (Connection c = database.connect();
        PreparedStatement s = EmbeddedDatabase.prepare(c, query, args);
        ResultSet rs = s.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      String[] row = new String[n];
      if (rs.next()) {
        for (int i = 0; i < n; i++) {
          row[i] = rs.getString(i + 1);
        }
      }
      return row;
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  /** Every row of a query, each column as a string. */
  public List<String[]> rows(String query, Object... args) {
    try (Connection c = database.connect();
        PreparedStatement s = EmbeddedDatabase.prepare(c, query, args);
        ResultSet rs = s.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      List<String[]> rows = new ArrayList<>();
      while (rs.next()) {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getString(i + 1);
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  public String one(String query, Object... args) {
    return row(query, args)[0];
  }

  /**
   * N running bots, one account, group and session each, due evenly over the next {@code
   * spreadSeconds} (0: all due now), cycles every {@code cycleSeconds}, no delay between posts.
   * Rows are written stopped and switched to RUNNING in one statement at the end, so the engine
   * never sees a half-seeded bot.
   */
  public void seedRunningBots(int n, int cycleSeconds, double spreadSeconds) {
    seedRunningBots(n, 1, 0, cycleSeconds, spreadSeconds);
  }

  /**
   * As above with {@code groups} groups per bot and {@code postDelaySeconds} between a bot's posts:
   * a bot holds its lease from its first post to its last, so long delays keep cycles leased.
   */
  public void seedRunningBots(
      int n, int groups, int postDelaySeconds, int cycleSeconds, double spreadSeconds) {
    int pairs = Math.max(1, (n + 99) / 100);
    sql(
        "INSERT INTO api_pair (api_id, api_hash_encrypted, capacity, created_at)"
            + " SELECT 1000000 + g, 'unused', 100, now() FROM generate_series(1, ?) g",
        pairs);
    sql(
        "INSERT INTO account (subject, role, plan_status, plan_updated_at, max_sessions,"
            + " max_groups, min_delay_between_posts_s, min_delay_between_cycles_s,"
            + " max_posts_per_day, created_at) SELECT 'bench-' || g, 'USER', 'ACTIVE', now(), 1,"
            + " 10, 0, 1, 1000000, now() FROM generate_series(1, ?) g",
        n);
    sql(
        "INSERT INTO bot (account_id, status, post_type, post_text, delay_between_posts_s,"
            + " delay_between_cycles_s, updated_at) SELECT id, 'STOPPED', 'TEXT', 'bench', ?, ?,"
            + " now() FROM account WHERE subject LIKE 'bench-%'",
        postDelaySeconds, cycleSeconds);
    sql(
        "INSERT INTO bot_target_group (account_id, position, chat_ref)"
            + " SELECT id, g - 1, CASE WHEN g = 1 THEN '@bench_group' ELSE '@bench_group_' || g END"
            + " FROM account, generate_series(1, ?) g WHERE subject LIKE 'bench-%'",
        groups);
    sql(
        "INSERT INTO telegram_session (api_pair_id, phone_masked, state, assigned_account_id,"
            + " created_at, updated_at) SELECT (SELECT id FROM api_pair WHERE api_id = 1000000 + 1"
            + " + (a.rn % ?)::int), '+99******00', 'ASSIGNED',        a.id, now(), now() FROM"
            + " (SELECT id, row_number() OVER (ORDER BY id) rn FROM account WHERE subject LIKE"
            + " 'bench-%') a",
        pairs);
    sql(
        "UPDATE bot b SET status = 'RUNNING', next_run_at = now() + make_interval(secs => ? * (r.rn"
            + " - 1) / ?) FROM (SELECT account_id, row_number() OVER (ORDER BY account_id) rn FROM"
            + " bot) r WHERE b.account_id = r.account_id",
        spreadSeconds,
        (double) n);
    // Statistics as a server with running bots has them: analyzed while the rows said STOPPED,
    // the planner believed no bot runs and looked bots up through the partial due-time index
    // (a scan of every running bot per delivery, measured 43 ms), not the primary key.
    sql("ANALYZE account, bot, bot_target_group, telegram_session, api_pair");
  }

  /**
   * Stops every running bot as a user's stop does (STOPPING while its cycle holds a lease) and
   * waits until the engine has let go of all of them.
   */
  public void stopBots() {
    // Bot rows locked in account order, as the engine's multi-row updates lock them (no deadlock).
    retryOnDeadlock(
        () ->
            sql(
                "UPDATE bot SET status = CASE WHEN lease_until > now() THEN 'STOPPING' ELSE"
                    + " 'STOPPED' END, next_run_at = NULL, updated_at = now() WHERE account_id IN"
                    + " (SELECT account_id FROM bot WHERE status = 'RUNNING' ORDER BY account_id"
                    + " FOR UPDATE)"));
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!"0"
        .equals(one("SELECT count(*) FROM bot WHERE status <> 'STOPPED' OR lease_until > now()"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("bots still running or leased a minute after the stop");
      }
      Pause.of(Duration.ofMillis(200));
    }
  }

  /** Stops every seeded bot, then removes them and what the engine wrote for them. */
  public void deleteBots() {
    stopBots();
    retryOnDeadlock(
        () ->
            sql(
                "TRUNCATE delivery_record, delivery_event, activity_log, bot_stats,"
                    + " bot_target_group, bot, session_tdlib_state, session_warmup, chat_target,"
                    + " telegram_session, api_pair"));
    sql("DELETE FROM account WHERE subject LIKE 'bench-%'");
  }

  /** The engine's write-behind may still hold row locks a TRUNCATE or bulk UPDATE waits for. */
  private static void retryOnDeadlock(Runnable statement) {
    for (int attempt = 1; ; attempt++) {
      try {
        statement.run();
        return;
      } catch (IllegalStateException e) {
        boolean deadlock =
            e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState());
        if (!deadlock || attempt == 5) {
          throw e;
        }
        Pause.of(Duration.ofMillis(500));
      }
    }
  }
}
