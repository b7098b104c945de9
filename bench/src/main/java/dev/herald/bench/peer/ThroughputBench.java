package dev.herald.bench.peer;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import dev.herald.bench.BenchServer;
import dev.herald.bench.Medians;
import dev.herald.bench.PgActivity;
import dev.herald.bench.ProcStats;
import dev.herald.bench.Report;
import dev.herald.bench.StatementCounter;
import dev.herald.launcher.Pause;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Issue 7.1, claim and dispatch throughput: N cycles due at once, Herald (one group per bot,
 * sandbox with zero latency, delivery records kept) vs db-scheduler 16 (lock-and-fetch 0.5/4.0, 20
 * threads, 100 ms polling, N due one-time no-op tasks) on the same PostgreSQL, alternating. Each
 * run is timed from the moment the work becomes due to the last execution finished, and follows an
 * unmeasured run of the same size: Herald's measured cycle is each bot's second (see {@link
 * #herald}), db-scheduler runs its n tasks twice (see {@link #dbScheduler}).
 *
 * <p>Usage: {@code bench/throughput.sh [N=100000] [rounds=3]}.
 */
public final class ThroughputBench {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Report report = new Report("Claim and dispatch throughput: " + n + " due at once (issue 7.1)");
    int exit = 0;
    BenchServer server = new BenchServer("throughput");
    if ("1".equals(System.getenv("BENCH_PGSS"))) {
      server.countStatements(); // per-statement figures of the Herald run
    }
    try (BenchServer bench = server.start()) {
      String machine = Report.machine(bench);
      bench.sql(SCHEDULED_TASKS);
      double[] herald = new double[rounds];
      double[] peer = new double[rounds];
      double[] ratios = new double[rounds];
      for (int round = 1; round <= rounds; round++) {
        double[] h = herald(bench, n, report);
        report.line(
            "round %d Herald:       %8.0f executions/s (%.1f s), %.2f commits per execution;"
                + " CPU per execution: PostgreSQL %.0f us, scheduler JVM %.0f us",
            round, h[0], h[1], h[2], h[5], h[6]);
        double[] d = dbScheduler(bench, n);
        report.line(
            "round %d db-scheduler: %8.0f executions/s (%.1f s), %.2f commits per execution;"
                + " CPU per execution: PostgreSQL %.0f us, scheduler JVM %.0f us",
            round, d[0], d[1], d[2], d[3], d[4]);
        herald[round - 1] = h[0];
        peer[round - 1] = d[0];
        ratios[round - 1] = h[0] / d[0];
      }
      // Each round's pair ran back to back on one state of the machine: its ratio is the figure.
      report.line(
          "median of %d alternating pairs: Herald %.0f/s, db-scheduler %.0f/s, ratio"
              + " Herald/db-scheduler %.2f (rounds: %s)",
          rounds,
          Medians.of(herald),
          Medians.of(peer),
          Medians.of(ratios),
          Arrays.stream(ratios)
              .mapToObj(r -> String.format("%.2f", r))
              .collect(Collectors.joining(", ")));
      report.save(machine);
    } catch (RuntimeException e) {
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  /**
   * Herald: the bots become due in one statement; done when every bot completed its cycle. The
   * measured cycle is each bot's second: its first prepares its group (resolves the chat, joins,
   * records the target), which happens once in a bot's life and, against Telegram, at the join pace
   * of a few chats an hour per session, never for 100 000 chats at once. {@code
   * BENCH_FIRST_CYCLE=1} measures the first cycles instead, preparation included.
   */
  static double[] herald(BenchServer bench, int n, Report report) {
    bench.deleteBots();
    boolean firstCycle = "1".equals(System.getenv("BENCH_FIRST_CYCLE"));
    if (!firstCycle) {
      long before = cyclesTotal(bench);
      bench.seedRunningBots(n, 3600, 0);
      awaitCycles(bench, before, n, 1, () -> {});
      // The targets have a write-behind of their own: all written before the measured run.
      awaitCount(
          bench,
          "SELECT count(*) FROM chat_target",
          n,
          Duration.ofMinutes(1),
          Duration.ofMillis(100));
      // Statistics as a server whose bots have run have them, and the first cycles' dead rows
      // vacuumed now rather than by an autovacuum worker inside the measured window.
      bench.superuserSql(
          "VACUUM (ANALYZE) bot, chat_target, delivery_record, delivery_event, activity_log,"
              + " bot_stats");
    }
    // A cycle an hour: each bot runs exactly once in the measured run.
    long commits0 = commits(bench);
    long cyclesBefore = cyclesTotal(bench);
    long t0 = System.nanoTime();
    if (firstCycle) {
      bench.seedRunningBots(n, 3600, 0);
    } else {
      bench.sql("UPDATE bot SET next_run_at = now() WHERE status = 'RUNNING'");
    }
    long tDue = System.nanoTime();
    double dueAt = Double.parseDouble(bench.one("SELECT extract(epoch FROM clock_timestamp())"));
    long commitsDue = commits(bench);
    boolean statements = "1".equals(System.getenv("BENCH_PGSS"));
    if (statements) {
      bench.superuserSql("SELECT pg_stat_statements_reset()");
    }
    long pg0 = bench.postgresCpuTicks();
    long jvm0 = ProcStats.cpuTicks(bench.pid());
    String jfr = bench.workDir.resolve("throughput-herald.jfr").toString();
    if ("1".equals(System.getenv("BENCH_JFR"))) {
      bench.jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
    }
    PgActivity activity = new PgActivity();
    awaitCycles(bench, cyclesBefore, n, firstCycle ? 1 : 2, () -> activity.sample(bench));
    // The end is the last completion's commit time, not when the poll noticed it.
    double endAt =
        Double.parseDouble(bench.one("SELECT extract(epoch FROM max(updated_at)) FROM bot"));
    long pg1 = bench.postgresCpuTicks();
    long jvm1 = ProcStats.cpuTicks(bench.pid());
    if ("1".equals(System.getenv("BENCH_JFR"))) {
      bench.jcmd("JFR.stop", "name=bench");
      report.line("JFR recording of the Herald run: %s", jfr);
    }
    activity.report(report, 6);
    if (statements) {
      report.line(
          "PostgreSQL time per statement of the Herald run (pg_stat_statements; unit: one"
              + " execution), top 8:");
      StatementCounter.slowest(bench, n, 8).forEach(report::line);
    }
    Pause.of(Duration.ofSeconds(2)); // backends report their commits to pg_stat about once a second
    long commits1 = commits(bench);
    long expected = firstCycle ? n : 2L * n;
    String delivered =
        bench.one("SELECT count(*) FROM delivery_record WHERE outcome = 'DELIVERED'");
    if (Long.parseLong(delivered) != expected) {
      throw new IllegalStateException("Herald delivered " + delivered + " of " + expected);
    }
    double seconds = endAt - dueAt;
    // Seeding's own commits (a handful) are not the engine's.
    return new double[] {
      n / seconds,
      seconds,
      (commits1 - commitsDue) / (double) n,
      (tDue - t0) / 1e9,
      commits0,
      microsPerExecution(pg1 - pg0, n),
      microsPerExecution(jvm1 - jvm0, n)
    };
  }

  /**
   * db-scheduler: n due no-op tasks, run twice with a new scheduler each time; the second run is
   * measured, as Herald's measured cycle follows an unmeasured one (warm JIT and buffers for both).
   */
  static double[] dbScheduler(BenchServer bench, int n) {
    AtomicLong done = new AtomicLong();
    OneTimeTask<Void> noop =
        Tasks.oneTime("noop").execute((instance, context) -> done.incrementAndGet());
    try (HikariDataSource dataSource =
        DbSchedulerPeer.pool(bench.database.jdbcUrl(), "herald", "herald")) {
      dbSchedulerRun(bench, n, dataSource, noop, done);
      return dbSchedulerRun(bench, n, dataSource, noop, done);
    }
  }

  private static double[] dbSchedulerRun(
      BenchServer bench,
      int n,
      HikariDataSource dataSource,
      OneTimeTask<Void> noop,
      AtomicLong done) {
    bench.sql("TRUNCATE scheduled_tasks");
    bench.sql(
        "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
            + " SELECT 'noop', 'i' || g, now() - interval '1 second', false, 1 FROM"
            + " generate_series(1, ?) g",
        n);
    bench.sql("ANALYZE scheduled_tasks");
    done.set(0);
    Scheduler scheduler = DbSchedulerPeer.scheduler(dataSource, noop, Duration.ofMillis(100));
    long commits0 = commits(bench);
    long pg0 = bench.postgresCpuTicks();
    long jvm0 = ProcStats.cpuTicks(ProcessHandle.current().pid());
    long t0 = System.nanoTime();
    scheduler.start();
    while (done.get() < n) {
      if (System.nanoTime() - t0 > Duration.ofMinutes(10).toNanos()) {
        throw new IllegalStateException("db-scheduler ran " + done.get() + " of " + n);
      }
      Pause.of(Duration.ofMillis(20));
    }
    // One-time tasks are deleted when they complete: the last delete is the end of the run.
    awaitCount(
        bench,
        "SELECT " + n + " - count(*) FROM scheduled_tasks",
        n,
        Duration.ofMinutes(1),
        Duration.ofMillis(20));
    long t1 = System.nanoTime();
    long pg1 = bench.postgresCpuTicks();
    long jvm1 = ProcStats.cpuTicks(ProcessHandle.current().pid());
    Pause.of(Duration.ofSeconds(2));
    long commits1 = commits(bench);
    scheduler.stop();
    double seconds = (t1 - t0) / 1e9;
    // The bench JVM's CPU includes this loop's polling of the table: a slight overstatement.
    return new double[] {
      n / seconds,
      seconds,
      (commits1 - commits0) / (double) n,
      microsPerExecution(pg1 - pg0, n),
      microsPerExecution(jvm1 - jvm0, n)
    };
  }

  /**
   * Waits until the engine's counter says n more cycles completed, then the database that n bots
   * completed their cycle number {@code cycleId}, running {@code eachPoll} at every look at the
   * counter. The counter first: counting in the database scans every bot, and that CPU would be
   * charged to Herald. The counter runs ahead of the write-behind flushes by up to a few seconds;
   * the database count (~0.15 s of PostgreSQL CPU) then confirms every completion, polled every 500
   * ms so that it does not slow the last flushes it waits for.
   */
  static void awaitCycles(
      BenchServer bench, long cyclesBefore, int n, long cycleId, Runnable eachPoll) {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (cyclesTotal(bench) - cyclesBefore < n && System.nanoTime() < deadline) {
      eachPoll.run();
      Pause.of(Duration.ofMillis(100));
    }
    awaitCount(
        bench,
        "SELECT count(*) FROM bot WHERE cycle_id >= " + cycleId,
        n,
        Duration.ofMinutes(1),
        Duration.ofMillis(500));
  }

  static void awaitCount(
      BenchServer bench, String query, long target, Duration timeout, Duration pollEvery) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (Long.parseLong(bench.one(query)) < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out: " + query + " < " + target);
      }
      Pause.of(pollEvery);
    }
  }

  /** herald_engine_cycles_total of the server's /metrics. */
  static long cyclesTotal(BenchServer bench) {
    for (String line : bench.applicationMetrics().split("\n")) {
      if (line.startsWith("herald_engine_cycles_total")) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  /** CPU ticks (1/100 s) spread over n executions, in microseconds each. */
  static double microsPerExecution(long ticks, int n) {
    return ticks * 10_000.0 / n;
  }

  static long commits(BenchServer bench) {
    return Long.parseLong(
        bench.one("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"));
  }

  /** db-scheduler's PostgreSQL table (its postgresql_tables.sql). */
  static final String SCHEDULED_TASKS =
      """
      CREATE TABLE IF NOT EXISTS scheduled_tasks (
        task_name TEXT NOT NULL,
        task_instance TEXT NOT NULL,
        task_data BYTEA,
        execution_time TIMESTAMPTZ NOT NULL,
        picked BOOLEAN NOT NULL,
        picked_by TEXT,
        last_success TIMESTAMPTZ,
        last_failure TIMESTAMPTZ,
        consecutive_failures INT,
        last_heartbeat TIMESTAMPTZ,
        version BIGINT NOT NULL,
        priority SMALLINT,
        PRIMARY KEY (task_name, task_instance));
      CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time);
      CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
      CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
      """;
}
