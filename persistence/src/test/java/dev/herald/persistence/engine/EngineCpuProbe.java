package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.engine.CycleSummary;
import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryLedger.Begin;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DeliveryLedger.Finished;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.persistence.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 17's load-insensitive yardstick for the engine's statements: the PostgreSQL backend's own
 * CPU time (user + system, from /proc, in clock ticks) spent per execution by the claim, the
 * delivery starts (batches of 500, as the engine's group commit sends them under load) and the
 * flushes (1000 cycles each), over {@code herald.probe.n} bots due at once, on one connection.
 * Wall-clock benchmarks on a shared machine measure the neighbours; CPU time of one backend barely
 * does. Run: {@code mvn -pl persistence -am test -Dtest=EngineCpuProbe -Dherald.probe=true}.
 */
@EnabledIfSystemProperty(named = "herald.probe", matches = "true")
class EngineCpuProbe {

  private static final Logger LOG = Logger.getLogger(EngineCpuProbe.class.getName());
  private static final String NODE = "probe";
  private static final long TICK_US = 10_000; // USER_HZ 100

  @Test
  void cpuPerExecution() throws Exception {
    int n = Integer.getInteger("herald.probe.n", 20_000);
    TestDatabase.clean();
    try (Connection c = TestDatabase.dataSource().getConnection()) {
      DataSource one = sameConnection(c);
      seed(c, n);
      int pid = backendPid(c);
      if (Boolean.getBoolean("herald.probe.explain")) {
        try (Statement s = c.createStatement()) {
          s.execute("LOAD 'auto_explain'");
          s.execute("SET auto_explain.log_min_duration = 100");
          s.execute("SET auto_explain.log_analyze = on");
          s.execute("SET auto_explain.log_nested_statements = on");
        }
      }
      JdbcLeaseStore leases = new JdbcLeaseStore(one);
      JdbcDeliveryLedger ledger = new JdbcDeliveryLedger(one);

      if (Boolean.getBoolean("herald.probe.explain")) {
        explainClaim(c);
      }
      long t0 = cpuTicks(pid);
      List<DueCycle> cycles = new ArrayList<>();
      while (cycles.size() < n) {
        cycles.addAll(leases.claimDue(NODE, Duration.ofSeconds(1), Duration.ofSeconds(60), 500));
      }
      long t1 = cpuTicks(pid);
      for (int i = 0; i < n; i += 500) {
        List<Begin> batch = new ArrayList<>();
        for (DueCycle cycle : cycles.subList(i, Math.min(n, i + 500))) {
          batch.add(new Begin(cycle, cycle.groups().get(0).canonical(), Sender.session(1)));
        }
        if (i + 500 >= n && Boolean.getBoolean("herald.probe.explain")) {
          explainBegin(c, batch);
        } else {
          ledger.beginDeliveries(NODE, batch);
        }
      }
      long t2 = cpuTicks(pid);
      Instant at = Instant.now();
      for (int i = 0; i < n; i += 1000) {
        List<Finished> finished = new ArrayList<>();
        List<Completed> completed = new ArrayList<>();
        for (DueCycle cycle : cycles.subList(i, Math.min(n, i + 1000))) {
          finished.add(
              new Finished(
                  cycle, cycle.groups().get(0).canonical(), new SendOutcome.Delivered(1), at));
          // As the engine completes a cycle it saw whole: its activity entry written, not counted.
          completed.add(
              new Completed(
                  cycle,
                  at.plusSeconds(3600),
                  new CycleTally(1, 1, 0, 0),
                  null,
                  CycleSummary.of(cycle.cycleId(), Map.of("DELIVERED", 1))));
        }
        long before = cpuTicks(pid);
        long wall = System.nanoTime();
        if (i == Integer.getInteger("herald.probe.explainAt", n - 1000)
            && Boolean.getBoolean("herald.probe.explain")) {
          explainFlush(c, finished, completed);
        } else {
          ledger.flush(NODE, TestFlushes.next(), finished, completed);
        }
        LOG.info(
            "flush at "
                + i
                + ": "
                + (cpuTicks(pid) - before) * 10
                + " ms CPU, "
                + (System.nanoTime() - wall) / 1_000_000
                + " ms wall");
      }
      long t3 = cpuTicks(pid);

      assertEquals(
          n,
          count(c, "SELECT count(*) FROM delivery_record WHERE outcome = 'DELIVERED'"),
          "every post finished");
      String report =
          String.format(
              "engine CPU probe, %d bots: PostgreSQL backend CPU per execution: claim %.1f us,"
                  + " begin deliveries %.1f us, flush %.1f us, total %.1f us",
              n,
              (t1 - t0) * TICK_US / (double) n,
              (t2 - t1) * TICK_US / (double) n,
              (t3 - t2) * TICK_US / (double) n,
              (t3 - t0) * TICK_US / (double) n);
      LOG.info(report);
      Path out = Path.of("target", "engine-cpu-probe.txt");
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
        w.println(report);
      }
    }
  }

  /** The last flush under EXPLAIN ANALYZE, statement by statement, into the probe's report. */
  private static void explainFlush(Connection c, List<Finished> finished, List<Completed> completed)
      throws SQLException, IOException {
    String explained =
        String.join(
            ";\n",
            java.util.Arrays.stream(LedgerSql.FLUSH.split(";\n"))
                .map(statement -> "EXPLAIN (ANALYZE, BUFFERS) " + statement)
                .toList());
    StringBuilder plans = new StringBuilder();
    c.setAutoCommit(false);
    try (java.sql.PreparedStatement s = c.prepareStatement(explained)) {
      FlushParameters.bind(c, s, NODE, TestFlushes.next(), finished, completed);
      boolean results = s.execute();
      while (true) {
        if (results) {
          try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
              plans.append(rs.getString(1)).append('\n');
            }
          }
          plans.append("----\n");
        } else if (s.getUpdateCount() == -1) {
          break;
        }
        results = s.getMoreResults();
      }
    }
    c.commit();
    c.setAutoCommit(true);
    Files.writeString(Path.of("target", "engine-cpu-probe-plans.txt"), plans);
  }

  /** A claim of 500 under EXPLAIN ANALYZE, rolled back: the bots stay due for the measured run. */
  private static void explainClaim(Connection c) throws SQLException, IOException {
    StringBuilder plan = new StringBuilder();
    c.setAutoCommit(false);
    try (java.sql.PreparedStatement s =
        c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + LeaseSql.CLAIM_DUE)) {
      s.setDouble(1, 1);
      s.setString(2, NODE);
      s.setInt(3, 500);
      s.setString(4, NODE);
      s.setDouble(5, 60);
      s.setString(6, "unused");
      s.setString(7, NODE);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
    Files.writeString(Path.of("target", "engine-cpu-probe-claim-plan.txt"), plan);
  }

  /** The last delivery batch under EXPLAIN ANALYZE (its triggers' times included). */
  private static void explainBegin(Connection c, List<Begin> posts)
      throws SQLException, IOException {
    StringBuilder plan = new StringBuilder();
    try (java.sql.PreparedStatement s =
        c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + LedgerSql.BEGIN_DELIVERIES)) {
      dev.herald.persistence.ArrayParameters p = new dev.herald.persistence.ArrayParameters(c, s);
      java.sql.Array accounts = p.column("bigint", posts, Long[]::new, b -> b.cycle().accountId());
      p.array(accounts)
          .array(p.column("bigint", posts, Long[]::new, b -> b.cycle().cycleId()))
          .array(p.column("bigint", posts, Long[]::new, b -> b.cycle().lease()))
          .array(p.column("text", posts, String[]::new, Begin::chat))
          .array(p.column("text", posts, String[]::new, b -> b.sender().kind().name()))
          .array(p.column("bigint", posts, Long[]::new, b -> b.sender().id()))
          .array(p.column("bigint", posts, Long[]::new, b -> b.cycle().plannedAt().toEpochMilli()))
          .array(accounts)
          .value(NODE)
          .value(NODE);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    Files.writeString(Path.of("target", "engine-cpu-probe-begin-plan.txt"), plan);
  }

  private static void seed(Connection c, int n) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO account (subject, role, plan_status, plan_updated_at, max_sessions,"
              + " max_groups, min_delay_between_posts_s, min_delay_between_cycles_s,"
              + " max_posts_per_day, created_at) SELECT 'probe-' || g, 'USER', 'ACTIVE', now(), 1,"
              + " 10, 0, 1, 1000000, now() FROM generate_series(1, "
              + n
              + ") g");
      s.execute(
          "INSERT INTO bot (account_id, status, post_type, post_text, delay_between_posts_s,"
              + " delay_between_cycles_s, next_run_at, updated_at) SELECT id, 'RUNNING', 'TEXT',"
              + " 'probe', 0, 3600, now() - interval '1 second', now() FROM account");
      s.execute(
          "INSERT INTO bot_target_group (account_id, position, chat_ref)"
              + " SELECT id, 0, '@probe_group' FROM account");
      // One assigned session per bot, a hundred per API pair, as bench/throughput.sh seeds them:
      // the claim's usable-session lookups then find a row, as they do in production.
      s.execute(
          "INSERT INTO api_pair (api_id, api_hash_encrypted, capacity, created_at)"
              + " SELECT 1000000 + g, 'unused', 100, now() FROM generate_series(1, "
              + (n + 99) / 100
              + ") g");
      s.execute(
          "INSERT INTO telegram_session (api_pair_id, phone_masked, state, assigned_account_id,"
              + " created_at, updated_at) SELECT p.id, '+99******00', 'ASSIGNED', a.id, now(),"
              + " now() FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 100 AS k"
              + " FROM account) a JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k"
              + " FROM api_pair) p USING (k)");
      s.execute("ANALYZE");
    }
  }

  private static int backendPid(Connection c) throws SQLException {
    return (int) count(c, "SELECT pg_backend_pid()");
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** utime + stime of a process, in clock ticks (proc(5), fields 14 and 15). */
  private static long cpuTicks(int pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** A DataSource that hands out one connection and ignores close(): one backend to measure. */
  private static DataSource sameConnection(Connection c) {
    Connection kept =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(c, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return kept;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
