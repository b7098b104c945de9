package dev.herald.bench;

import dev.herald.system.EmbeddedDatabase;
import dev.herald.system.LibertyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh embedded PostgreSQL and one Liberty server with the EAR (dev profile, sandbox gateway),
 * with all data under {@code ear/target/bench}, plus the probes a benchmark needs: the server's pid,
 * heap after a full GC (jcmd), live threads, SQL.
 */
public final class BenchServer implements AutoCloseable {

  static final String SERVER_NAME = "herald-bench";

  public final Path workDir;
  public final EmbeddedDatabase database;
  public final LibertyServer server;
  public long startToReadyMs;
  private long pid;

  public BenchServer(String name) {
    this(name, Map.of());
  }

  /** As {@link #BenchServer(String)}, with {@code extraEnv} added to the server's environment. */
  public BenchServer(String name, Map<String, String> extraEnv) {
    workDir = Path.of(System.getProperty("herald.bench.dir", "target/bench")).toAbsolutePath().resolve(name);
    deleteTree(workDir);
    database = new EmbeddedDatabase(workDir, freePort());
    Path wlp = LibertyServer.wlpDirFromSystemProperty();
    LibertyServer template = new LibertyServer(wlp, System.getProperty("herald.server.name", "herald"), 0, Map.of());
    Map<String, String> env = environment(workDir, database);
    env.putAll(extraEnv);
    server = template.copyAs(SERVER_NAME, freePort(), env);
  }

  /** The dev environment plus every engine/pool knob of this process's environment. */
  static Map<String, String> environment(Path work, EmbeddedDatabase database) {
    Map<String, String> env = new HashMap<>();
    env.put("HERALD_PROFILE", "dev");
    env.put("HERALD_DATA_DIR", work.resolve("data").toString());
    env.put("DB_HOST", "localhost");
    env.put("DB_PORT", Integer.toString(database.port()));
    env.put("DB_NAME", EmbeddedDatabase.NAME);
    env.put("DB_USER", EmbeddedDatabase.USER);
    env.put("DB_PASSWORD", EmbeddedDatabase.PASSWORD);
    System.getenv().forEach((k, v) -> {
      if (k.startsWith("HERALD_ENGINE_") || k.equals("ENGINE_THREADS") || k.startsWith("DB_") && k.contains("POOL")
          || k.equals("JVM_ARGS")) {
        env.put(k, v);
      }
    });
    return env;
  }

  public BenchServer start() {
    database.start();
    long t0 = System.nanoTime();
    server.start(Duration.ofMinutes(4));
    startToReadyMs = (System.nanoTime() - t0) / 1_000_000;
    pid = findPid();
    return this;
  }

  public long pid() {
    return pid;
  }

  /** Only this worktree's server: other engineers run servers of the same name from other folders. */
  private long findPid() {
    String jar = server.serverDir().getParent().getParent().getParent().resolve("bin/tools/ws-server.jar").toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine()
            .map(c -> c.contains(jar) && c.matches(".*\\s" + Pattern.quote(SERVER_NAME) + "(\\s.*|$)"))
            .orElse(false))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Liberty JVM not found"));
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
    try {
      String[] args = new String[command.length + 2];
      args[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
      args[1] = Long.toString(pid);
      System.arraycopy(command, 0, args, 2, command.length);
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public ProcStats procStats() {
    return ProcStats.of(pid);
  }

  /** The postmaster and its children: PostgreSQL's CPU. */
  public long postgresCpuTicks() {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(workDir.resolve("postgres/postmaster.pid")).get(0).strip());
      long total = ProcStats.cpuTicks(postmaster);
      for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
        total += ProcStats.cpuTicks(child.pid());
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- SQL ----

  public void sql(String statement, Object... args) {
    try (Connection c = database.connect(); PreparedStatement s = prepare(c, statement, args)) {
      s.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  /** The first row of a query, each column as a string. */
  public String[] row(String query, Object... args) {
    try (Connection c = database.connect(); PreparedStatement s = prepare(c, query, args); ResultSet rs = s.executeQuery()) {
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
  public java.util.List<String[]> rows(String query, Object... args) {
    try (Connection c = database.connect(); PreparedStatement s = prepare(c, query, args); ResultSet rs = s.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      java.util.List<String[]> rows = new java.util.ArrayList<>();
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

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
    return s;
  }

  /**
   * N running bots, one account, group and session each, due evenly over the next
   * {@code spreadSeconds} (0: all due now), cycles every {@code cycleSeconds}, no delay between
   * posts. Rows are written stopped and switched to RUNNING in one statement at the end, so the
   * engine never sees a half-seeded bot.
   */
  public void seedRunningBots(int n, int cycleSeconds, double spreadSeconds) {
    int pairs = Math.max(1, (n + 99) / 100);
    sql("INSERT INTO api_pair (api_id, api_hash_encrypted, capacity, created_at)"
        + " SELECT 1000000 + g, 'unused', 100, now() FROM generate_series(1, ?) g", pairs);
    sql("INSERT INTO account (subject, role, plan_status, plan_updated_at, max_sessions, max_groups,"
        + " min_delay_between_posts_s, min_delay_between_cycles_s, max_posts_per_day, created_at)"
        + " SELECT 'bench-' || g, 'USER', 'ACTIVE', now(), 1, 10, 0, 1, 1000000, now()"
        + " FROM generate_series(1, ?) g", n);
    sql("INSERT INTO bot (account_id, status, post_type, post_text, delay_between_posts_s, delay_between_cycles_s,"
        + " updated_at)"
        + " SELECT id, 'STOPPED', 'TEXT', 'bench', 0, ?, now() FROM account WHERE subject LIKE 'bench-%'", cycleSeconds);
    sql("INSERT INTO bot_target_group (account_id, position, chat_ref)"
        + " SELECT id, 0, '@bench_group' FROM account WHERE subject LIKE 'bench-%'");
    sql("INSERT INTO telegram_session (api_pair_id, phone_masked, state, assigned_account_id, created_at, updated_at)"
        + " SELECT (SELECT id FROM api_pair WHERE api_id = 1000000 + 1 + (a.rn % ?)::int), '+99******00', 'ASSIGNED',"
        + "        a.id, now(), now()"
        + " FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM account WHERE subject LIKE 'bench-%') a", pairs);
    sql("UPDATE bot b SET status = 'RUNNING', next_run_at = now() + make_interval(secs => ? * (r.rn - 1) / ?)"
        + " FROM (SELECT account_id, row_number() OVER (ORDER BY account_id) rn FROM bot) r"
        + " WHERE b.account_id = r.account_id", spreadSeconds, (double) n);
    // Statistics as a server with running bots has them: analyzed while the rows said STOPPED,
    // the planner believed no bot runs and looked bots up through the partial due-time index
    // (a scan of every running bot per delivery, measured 43 ms), not the primary key.
    sql("ANALYZE account, bot, bot_target_group, telegram_session, api_pair");
  }

  /** Removes every seeded bot and what the engine wrote for them. */
  public void deleteBots() {
    sql("TRUNCATE delivery_record, activity_log, bot_stats, bot_target_group, bot, telegram_session, api_pair");
    sql("DELETE FROM account WHERE subject LIKE 'bench-%'");
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
