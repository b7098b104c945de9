package dev.herald.bench;

import dev.herald.launcher.Pause;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 6's engine benchmark: N running bots (one group each, a cycle every 10 s, sandbox with zero
 * latency) on one Liberty + embedded PostgreSQL; after a warm-up it measures a window and prints
 * throughput, lateness (delivery started_at - the cycle's planned next_run_at, from the delivery
 * records, so every cycle counts, not a sample), CPU, heap per bot and threads.
 *
 * <p>Usage: {@code bench/engine.sh N [warmup-s] [measure-s]}; engine knobs come from the
 * environment (HERALD_ENGINE_*, ENGINE_THREADS, DB_DIRECT_POOL_MAX). {@code BENCH_JFR=1} records
 * the measured window with JFR into bench/target/bench.
 */
public final class EngineBench {

  static final int CYCLE_SECONDS = 10;

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int measure = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    Report report = new Report("Engine: " + n + " running bots (issue 6)");
    int exit = 0;
    try (BenchServer bench = new BenchServer("engine-" + n).start()) {
      String machine = Report.machine(bench);
      report.line(
          "bots %d, cycle every %d s (demand %d cycles/s), warm-up %d s, measured %d s",
          n, CYCLE_SECONDS, n / CYCLE_SECONDS, warmup, measure);
      report.line("engine settings from env: %s", knobs());
      report.line("Liberty start to ready: %d ms", bench.startToReadyMs);

      long heap0 = bench.heapAfterGc();
      int threads0 = bench.procStats().threads();

      bench.seedRunningBots(n, CYCLE_SECONDS, CYCLE_SECONDS);
      Pause.of(Duration.ofSeconds(warmup));

      String jfr = bench.workDir.resolve("engine-" + n + ".jfr").toString();
      if ("1".equals(System.getenv("BENCH_JFR"))) {
        bench.jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
      }
      String t0 = bench.one("SELECT now()::text");
      long commits0 = commits(bench);
      long pg0 = bench.postgresCpuTicks();
      ProcStats s0 = bench.procStats();
      // PostgreSQL's side, sampled: what the engine's sessions are running or waiting for.
      Map<String, Integer> activity = new TreeMap<>();
      long end = System.nanoTime() + Duration.ofSeconds(measure).toNanos();
      while (System.nanoTime() < end) {
        for (String[] a :
            bench.rows(
                "SELECT state || ' ' || coalesce(wait_event, 'cpu') || ' | ' ||"
                    + " left(regexp_replace(query, '\\s+', ' ', 'g'), 70) FROM pg_stat_activity"
                    + " WHERE datname = 'herald' AND application_name LIKE 'herald%' AND state <>"
                    + " 'idle'")) {
          activity.merge(a[0], 1, Integer::sum);
        }
        Pause.of(Duration.ofMillis(100));
      }
      ProcStats s1 = bench.procStats();
      long pg1 = bench.postgresCpuTicks();
      long commits1 = commits(bench);
      String t1 = bench.one("SELECT now()::text");
      if ("1".equals(System.getenv("BENCH_JFR"))) {
        bench.jcmd("JFR.stop", "name=bench");
        report.line("JFR recording: %s", jfr);
      }
      double seconds = (s1.nanoTime() - s0.nanoTime()) / 1e9;

      String window = CYCLES_STARTED_IN_WINDOW;
      String[] r = lateness(bench, t0, t1);
      long cycles = Long.parseLong(r[0]);
      long posts = r[1] == null ? 0 : Long.parseLong(r[1]);
      report.line(
          "cycles/s %.1f (%d cycles), posts/s %.1f (%d posts, %s finished)",
          cycles / seconds, cycles, posts / seconds, posts, r[2]);
      report.line(
          "lateness ms (started_at - planned_at, first post of every cycle): p50 %s, p99 %s, max %s"
              + " (min %s); cycles > 20 ms: %s, > 200 ms: %s",
          r[3], r[4], r[5], r[6], r[7], r[8]);
      // Where in the window the late cycles were (a stall, or steady?), and the worst ones.
      for (String[] b :
          bench.rows(
              "WITH c AS ("
                  + window
                  + "), l AS (SELECT extract(epoch FROM started_at - planned_at) * 1000 ms, * FROM"
                  + " c) SELECT to_char(date_bin('10 seconds', started_at, CAST(? AS timestamptz)),"
                  + " 'HH24:MI:SS'), count(*), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY"
                  + " ms)::numeric, 1), round(max(ms)::numeric, 1), count(*) FILTER (WHERE ms > 20)"
                  + " FROM l GROUP BY 1 ORDER BY 1",
              t0,
              t1,
              t0)) {
        report.line("    from %s: %s cycles, p99 %s ms, max %s ms, %s > 20 ms", (Object[]) b);
      }
      for (String[] w :
          bench.rows(
              "WITH c AS ("
                  + window
                  + ") SELECT account_id, cycle_id, planned_at::text, started_at::text FROM c"
                  + " ORDER BY started_at - planned_at DESC LIMIT 3",
              t0,
              t1)) {
        report.line("    late: account %s cycle %s planned %s started %s", (Object[]) w);
      }
      String[] perBot =
          bench.row(
              "WITH c AS ("
                  + window
                  + ") SELECT min(k), round(avg(k), 2), max(k), count(*) FROM"
                  + " (SELECT account_id, count(*) k FROM c GROUP BY account_id) b",
              t0,
              t1);
      report.line(
          "cycles per bot in the window: min %s, avg %s, max %s over %s bots (expected ~%.1f)",
          perBot[0], perBot[1], perBot[2], perBot[3], seconds / CYCLE_SECONDS);
      report.line(
          "duplicate posts (a second delivered send of one (account, cycle, chat)): %s; records"
              + " left SENDING > 5 s: %s; running bots overdue > 1 s now: %s",
          bench.duplicatesFromSendLog(),
          bench.one(
              "SELECT count(*) FROM delivery_record WHERE outcome = 'SENDING' AND started_at <"
                  + " now() - interval '5 s'"),
          bench.one(
              "SELECT count(*) FROM bot WHERE status = 'RUNNING' AND next_run_at < now() - interval"
                  + " '1 s'"));
      report.line(
          "CPU: Liberty JVM %.1f%%, PostgreSQL %.1f%% (100%% = one core of %d)",
          ProcStats.cpuPercent(s0, s1),
          ProcStats.percent(pg1 - pg0, s0, s1),
          Runtime.getRuntime().availableProcessors());
      report.line(
          "PostgreSQL commits: %.2f per cycle (%d in the window, all databases)",
          cycles == 0 ? 0.0 : (commits1 - commits0) / (double) cycles, commits1 - commits0);
      // Thread names are the kernel's (15 characters): "Default Executo" is Liberty's default
      // executor, where managed executor tasks (the engine's cycles) run.
      report.line(
          "threads: %d live at 0 bots, %d live at %d bots; %d threads used >= 0.2%% of a core:",
          threads0, s1.threads(), n, ProcStats.busyThreadCount(s0, s1, 0.2));
      ProcStats.busyThreads(s0, s1, 0.2)
          .forEach((name, what) -> report.line("    %-16s %s", name, what));

      report.line(
          "PostgreSQL sessions of Herald, sampled every 100 ms (state, wait | statement), top 8:");
      activity.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(8)
          .forEach(e -> report.line("    %5d  %s", e.getValue(), e.getKey()));
      long heapN = bench.heapAfterGc();
      report.line(
          "heap after full GC: %.1f MiB at 0 bots, %.1f MiB at %d running bots -> %.0f bytes per"
              + " running bot",
          heap0 / 1048576.0, heapN / 1048576.0, n, (heapN - heap0) / (double) n);
      report.line("engine's own histogram (/metrics): %s", engineHistogram(bench));
      report.save(machine);
    } catch (RuntimeException e) {
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  /**
   * First post of each cycle started in the window [?, ?) (timestamps as text): account, cycle,
   * started_at, planned_at, posts, finished.
   */
  public static final String CYCLES_STARTED_IN_WINDOW =
      "SELECT account_id, cycle_id, min(started_at) started_at, min(planned_at) planned_at,"
          + " count(*) posts, count(*) FILTER (WHERE outcome <> 'SENDING') finished FROM"
          + " delivery_record GROUP BY account_id, cycle_id HAVING min(started_at) >= CAST(? AS"
          + " timestamptz) AND min(started_at) < CAST(? AS timestamptz)";

  /**
   * Lateness of the cycles started in [t0, t1), from the delivery records: cycles, posts, finished,
   * p50, p99, max, min (ms, percentile_cont), cycles later than 20 ms, than 200 ms.
   */
  public static String[] lateness(BenchServer bench, String t0, String t1) {
    return bench.row(
        "WITH c AS ("
            + CYCLES_STARTED_IN_WINDOW
            + "),"
            + " l AS (SELECT extract(epoch FROM started_at - planned_at) * 1000 ms, * FROM c)"
            + " SELECT count(*), sum(posts), sum(finished),"
            + " round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),"
            + " round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1),"
            + " round(max(ms)::numeric, 1), round(min(ms)::numeric, 1),"
            + " count(*) FILTER (WHERE ms > 20), count(*) FILTER (WHERE ms > 200) FROM l",
        t0,
        t1);
  }

  static long commits(BenchServer bench) {
    return Long.parseLong(bench.one("SELECT sum(xact_commit) FROM pg_stat_database"));
  }

  public static String knobs() {
    StringBuilder s = new StringBuilder();
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("HERALD_ENGINE_")
                  || k.equals("ENGINE_THREADS")
                  || k.startsWith("DB_")) {
                s.append(k).append('=').append(v).append(' ');
              }
            });
    return s.length() == 0 ? "(defaults)" : s.toString().strip();
  }

  /**
   * p50/p99/max of herald_engine_lateness_ms as the engine itself saw it (timer fire - planned).
   */
  static String engineHistogram(BenchServer bench) {
    try {
      String body = bench.applicationMetrics();
      StringBuilder out = new StringBuilder();
      for (String line : body.split("\n")) {
        if (line.startsWith("herald_engine_lateness_ms")
            && (line.contains("quantile=\"0.5\"")
                || line.contains("quantile=\"0.99\"")
                || line.startsWith("herald_engine_lateness_ms_max"))) {
          out.append(line.replaceAll("\\{.*quantile=\"([0-9.]+)\".*}", "{q=$1}")).append("; ");
        }
      }
      return out.toString();
    } catch (Exception e) {
      return "unavailable: " + e;
    }
  }
}
