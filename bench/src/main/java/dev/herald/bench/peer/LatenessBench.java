package dev.herald.bench.peer;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import dev.herald.bench.BenchServer;
import dev.herald.bench.EngineBench;
import dev.herald.bench.LatenessSamples;
import dev.herald.bench.ProcStats;
import dev.herald.bench.Report;
import dev.herald.bench.StatementCounter;
import dev.herald.launcher.Pause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Issue 7.2, lateness: N running bots (one group each, a cycle every 10 s) on Herald, then the same
 * load on a 2-second-tick model of the replaced design and on db-scheduler 16 (lock-and-fetch
 * 0.5/4.0, 20 threads) polling every 1 s and every 100 ms, one after the other on the same
 * PostgreSQL, the same warm-up and window. Lateness is actual start - planned time of every
 * execution started in the window. Each contender's idle polling (nothing due) is counted in
 * statements per second of its own database role (pg_stat_statements, see StatementCounter).
 *
 * <p>Usage: {@code bench/lateness.sh [N=10000] [warmup-s=30] [measure-s=60] [idle-s=20]}.
 */
public final class LatenessBench {

  private static final Logger LOG = Logger.getLogger(LatenessBench.class.getName());
  static final Duration CYCLE = Duration.ofSeconds(10);

  /**
   * When a peer's execution is due again. By default planned + CYCLE: a peer's no-op run ends
   * within a millisecond of its poll or tick, so "end + CYCLE" would make it due again just after a
   * later poll (10 s is a whole number of polls and ticks) and lock every task to the poll's phase,
   * which real cycles (posts and delays of varying length) do not; planned + CYCLE keeps the due
   * times spread over the poll interval as they were seeded. {@code BENCH_PEER_NEXT=end}
   * reschedules at end + CYCLE instead (Herald's own rule, nextRunAt = end + delay).
   */
  static final boolean AFTER_END = "end".equals(System.getenv("BENCH_PEER_NEXT"));

  /** The peers' database role, so their statements are counted apart from Herald's. */
  static final String PEER = "peer";

  record Result(
      String contender,
      double p50,
      double p99,
      double max,
      long over20,
      long over200,
      double perSecond,
      double cpu,
      double idleQueries,
      List<String> idleTop) {}

  record Idle(double perSecond, List<String> top) {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int measure = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int idle = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Report report =
        new Report(
            "Lateness: " + n + " running bots, Herald vs 2 s tick vs db-scheduler (issue 7.2)");
    int exit = 0;
    try (BenchServer bench = new BenchServer("lateness").countStatements().start()) {
      String machine = Report.machine(bench);
      report.line(
          "bots %d, one group each, a cycle every %d s (demand %d cycles/s); per contender: warm-up"
              + " %d s, measured %d s, idle polling counted over %d s",
          n, CYCLE.toSeconds(), n / CYCLE.toSeconds(), warmup, measure, idle);
      report.line("engine settings from env: %s", EngineBench.knobs());
      report.line("Liberty start to ready: %d ms", bench.startToReadyMs);
      bench.sql(ThroughputBench.SCHEDULED_TASKS);
      bench.sql(TickBaseline.TABLE);
      bench.superuserSql("CREATE ROLE " + PEER + " LOGIN");
      bench.sql("GRANT ALL ON scheduled_tasks, tick_bot TO " + PEER);
      LatenessBench run = new LatenessBench(bench, n, warmup, measure, idle);
      run.counter.counting(false);

      List<Result> results = new ArrayList<>();
      results.add(run.herald());
      results.add(run.tick());
      results.add(run.dbScheduler(Duration.ofSeconds(1)));
      results.add(run.dbScheduler(Duration.ofMillis(100)));

      report.line("");
      report.line(
          "%-32s %8s %8s %8s %7s %7s %12s %6s %14s",
          "contender",
          "p50 ms",
          "p99 ms",
          "max ms",
          ">20ms",
          ">200ms",
          "executions/s",
          "CPU %",
          "idle queries/s");
      for (Result r : results) {
        report.line(
            "%-32s %8.1f %8.1f %8.1f %7d %7d %12.1f %6.1f %14.2f",
            r.contender(),
            r.p50(),
            r.p99(),
            r.max(),
            r.over20(),
            r.over200(),
            r.perSecond(),
            r.cpu(),
            r.idleQueries());
      }
      Result herald = results.get(0);
      report.line(
          "targets: Herald p99 <= 20 ms: %s (%.1f); Herald max <= 200 ms: %s (%.1f)",
          herald.p99() <= 20 ? "ok" : "MISSED",
          herald.p99(),
          herald.max() <= 200 ? "ok" : "MISSED",
          herald.max());
      report.line(
          "Herald kept up? running bots overdue by more than 1 s at the end of its window: %s of"
              + " %d",
          run.heraldOverdue, n);
      report.line("");
      report.line(
          "lateness: actual start - planned time of every execution started in the window (Herald:"
              + " first post of each cycle, delivery_record.started_at - planned_at; peers:"
              + " recorded by the executing thread; percentiles interpolated as PostgreSQL's"
              + " percentile_cont)");
      report.line(
          "peers due again at %s (BENCH_PEER_NEXT=end: end + 10 s); Herald: end of the cycle + 10"
              + " s",
          AFTER_END
              ? "end of the run + 10 s"
              : "planned + 10 s, each task keeping the phase it was seeded with");
      report.line(
          "CPU %%: the scheduler's process (Liberty JVM for Herald, the bench JVM for the peers)"
              + " plus PostgreSQL, in the window (100%% = one core of %d)",
          Runtime.getRuntime().availableProcessors());
      report.line(
          "idle queries/s: statements/s of the contender's database role with nothing due (Herald:"
              + " 0 running bots; peers: empty table), from pg_stat_statements (on only during the"
              + " idle counts), top-level, transaction control (BEGIN, COMMIT, SET, ...) not"
              + " counted; Herald's idle polling goes on while the peers run (its bots deleted"
              + " first).");
      for (Result r : results) {
        report.line("idle statements of %s:", r.contender());
        r.idleTop().forEach(s -> report.line("    %s", s));
      }
      report.save(machine);
    } catch (RuntimeException e) {
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  private final BenchServer bench;
  private final StatementCounter counter;
  private final int n;
  private final int warmup;
  private final int measure;
  private final int idleSeconds;

  /** Did Herald keep up: running bots overdue by more than 1 s at the end of its window. */
  private String heraldOverdue = "?";

  LatenessBench(BenchServer bench, int n, int warmup, int measure, int idleSeconds) {
    this.bench = bench;
    this.counter = new StatementCounter(bench);
    this.n = n;
    this.warmup = warmup;
    this.measure = measure;
    this.idleSeconds = idleSeconds;
  }

  Result herald() {
    Pause.of(Duration.ofSeconds(5)); // past the start-up's one-off work
    Idle idle = idle("herald");
    bench.seedRunningBots(n, (int) CYCLE.toSeconds(), CYCLE.toSeconds());
    Pause.of(Duration.ofSeconds(warmup));
    String t0 = bench.one("SELECT now()::text");
    long cpu0 = ProcStats.cpuTicks(bench.pid()) + bench.postgresCpuTicks();
    long start = System.nanoTime();
    Pause.of(Duration.ofSeconds(measure));
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpu1 = ProcStats.cpuTicks(bench.pid()) + bench.postgresCpuTicks();
    String t1 = bench.one("SELECT now()::text");
    heraldOverdue =
        bench.one(
            "SELECT count(*) FROM bot WHERE status = 'RUNNING' AND next_run_at < now() - interval"
                + " '1 s'");
    Pause.of(Duration.ofSeconds(1)); // the last deliveries' records
    String[] r = EngineBench.lateness(bench, t0, t1);
    bench.deleteBots();
    return new Result(
        "Herald",
        num(r[3]),
        num(r[4]),
        num(r[5]),
        Long.parseLong(r[7]),
        Long.parseLong(r[8]),
        Long.parseLong(r[0]) / seconds,
        cpu(cpu1 - cpu0, seconds),
        idle.perSecond(),
        idle.top());
  }

  Result tick() {
    LatenessSamples samples = new LatenessSamples();
    TickBaseline tick =
        new TickBaseline(bench.database.jdbcUrl(), PEER, CYCLE, AFTER_END, samples).start();
    try (tick) {
      Pause.of(Duration.ofSeconds(3));
      Idle idle = idle(PEER);
      bench.sql(
          "INSERT INTO tick_bot (id, next_due) SELECT g, now() + make_interval(secs => ? * (g - 1)"
              + " / ?) FROM generate_series(1, ?) g",
          (double) CYCLE.toSeconds(),
          (double) n,
          n);
      bench.sql("ANALYZE tick_bot");
      return measured("2-second tick (replaced design)", samples, idle);
    } finally {
      bench.sql("TRUNCATE tick_bot");
    }
  }

  Result dbScheduler(Duration polling) {
    bench.sql("TRUNCATE scheduled_tasks");
    LatenessSamples samples = new LatenessSamples();
    CustomTask<Void> task =
        Tasks.custom("cycle", Void.class)
            .execute(
                (instance, context) -> {
                  samples.add(Instant.now(), context.getExecution().executionTime);
                  return (complete, operations) ->
                      operations.reschedule(
                          complete,
                          (AFTER_END
                                  ? complete.getTimeDone()
                                  : complete.getExecution().executionTime)
                              .plus(CYCLE));
                });
    try (HikariDataSource dataSource = DbSchedulerPeer.pool(bench.database.jdbcUrl(), PEER, "")) {
      Scheduler scheduler = DbSchedulerPeer.scheduler(dataSource, task, polling);
      scheduler.start();
      try {
        Pause.of(Duration.ofSeconds(3));
        Idle idle = idle(PEER);
        bench.sql(
            "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked,"
                + " version) SELECT 'cycle', 'bot-' || g, now() + make_interval(secs => ? * (g - 1)"
                + " / ?), false, 1 FROM generate_series(1, ?) g",
            (double) CYCLE.toSeconds(),
            (double) n,
            n);
        bench.sql("ANALYZE scheduled_tasks");
        String label =
            polling.toMillis() >= 1000 ? polling.toSeconds() + " s" : polling.toMillis() + " ms";
        return measured("db-scheduler 16, " + label + " polling", samples, idle);
      } finally {
        scheduler.stop();
        bench.sql("TRUNCATE scheduled_tasks");
      }
    }
  }

  /** A peer's warm-up and window; the peer runs in this JVM. */
  private Result measured(String contender, LatenessSamples samples, Idle idle) {
    LOG.info(() -> contender + ": warm-up " + warmup + " s, then " + measure + " s measured");
    Pause.of(Duration.ofSeconds(warmup));
    long self = ProcessHandle.current().pid();
    long cpu0 = ProcStats.cpuTicks(self) + bench.postgresCpuTicks();
    Instant from = Instant.now();
    long start = System.nanoTime();
    Pause.of(Duration.ofSeconds(measure));
    double seconds = (System.nanoTime() - start) / 1e9;
    Instant to = Instant.now();
    long cpu1 = ProcStats.cpuTicks(self) + bench.postgresCpuTicks();
    LatenessSamples.Summary s = samples.window(from, to);
    return new Result(
        contender,
        s.p50(),
        s.p99(),
        s.max(),
        s.over20(),
        s.over200(),
        s.count() / seconds,
        cpu(cpu1 - cpu0, seconds),
        idle.perSecond(),
        idle.top());
  }

  private Idle idle(String role) {
    LOG.info(() -> "counting idle statements of role " + role + " for " + idleSeconds + " s");
    counter.counting(true);
    Pause.of(Duration.ofSeconds(1)); // every session has run a statement since the reload
    StatementCounter.Snapshot from = counter.snapshot(role);
    Pause.of(Duration.ofSeconds(idleSeconds));
    StatementCounter.Snapshot to = counter.snapshot(role);
    counter.counting(false);
    return new Idle(StatementCounter.perSecond(from, to), StatementCounter.top(from, to, 6));
  }

  private static double cpu(long ticks, double seconds) {
    return ticks / 100.0 / seconds * 100;
  }

  private static double num(String s) {
    return s == null ? Double.NaN : Double.parseDouble(s);
  }
}
