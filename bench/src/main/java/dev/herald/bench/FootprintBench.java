package dev.herald.bench;

import dev.herald.launcher.ClassDataArchive;
import dev.herald.launcher.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Issue 7.5, footprint: cold start to ready, then heap after a full GC and live threads of the
 * Liberty JVM with 0, N/10 and N running bots (one group each, a cycle every 10 s, sandbox with
 * zero latency), each after the bots have run a while; heap per running bot is the growth over 0
 * bots divided by N; work threads are the threads Liberty runs the engine's executors on ({@link
 * ProcStats#workThreads()}). Last, the installed server's start: stopped and started again three
 * times with the caches and the class-data archive of its first start; the target applies to the
 * median.
 *
 * <p>Usage: {@code bench/footprint.sh [N=10000] [steady-s=30]}; {@code bench/footprint.sh 0 0}
 * measures the starts only.
 */
public final class FootprintBench {

  static final int CYCLE_SECONDS = 10;
  static final long HEAP_PER_BOT_TARGET = 4096;
  static final int WORK_THREADS_TARGET = 16;
  static final long READY_TARGET_MS = 15_000;
  static final int RESTARTS = 3;

  record Stage(
      int bots,
      long heap,
      int liveThreads,
      int workThreads,
      long cyclesLast10s,
      Map<String, Integer> groups) {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int steady = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Report report =
        new Report(
            "Footprint: 0, " + n / 10 + " and " + n + " running bots, cold start (issue 7.5)");
    int exit = 0;
    try (BenchServer bench = new BenchServer("footprint").start()) {
      String machine = Report.machine(bench);
      report.line(
          "bots one group each, a cycle every %d s; each size runs %d s before it is measured",
          CYCLE_SECONDS, steady);
      report.line("engine settings from env: %s", EngineBench.knobs());
      long freshStartMs = bench.startToReadyMs;
      long freshJvmMs = bench.jvmStartToReadyMs;
      report.line(
          "cold start to ready (fresh database, `server start --clean` to /health/ready 200): %d"
              + " ms; from the Liberty JVM's process start: %d ms",
          freshStartMs, freshJvmMs);
      report.line(
          "Liberty JVM options: %s",
          bench
              .jcmd("VM.command_line")
              .lines()
              .filter(l -> l.startsWith("jvm_args"))
              .flatMap(l -> Arrays.stream(l.split("\\s+")))
              .filter(o -> o.startsWith("-X"))
              .collect(Collectors.joining(" ")));

      List<Stage> stages = new ArrayList<>();
      // N = 0: the start figures only (no bots, no heap per bot).
      for (int bots : n == 0 ? new int[] {0} : new int[] {0, n / 10, n}) {
        if (bots > 0) {
          bench.deleteBots();
          bench.seedRunningBots(bots, CYCLE_SECONDS, CYCLE_SECONDS);
        }
        Pause.of(Duration.ofSeconds(steady));
        stages.add(measure(bench, bots));
      }

      Stage zero = stages.get(0);
      report.line("");
      report.line(
          "%12s %14s %14s %14s %12s %12s %16s",
          "running bots",
          "heap MiB",
          "growth MiB",
          "bytes/bot",
          "live threads",
          "work threads",
          "cycles last 10 s");
      for (Stage s : stages) {
        double perBot = s.bots() == 0 ? Double.NaN : (s.heap() - zero.heap()) / (double) s.bots();
        report.line(
            "%12d %14.1f %14.1f %14s %12d %12d %16d",
            s.bots(),
            s.heap() / 1048576.0,
            (s.heap() - zero.heap()) / 1048576.0,
            s.bots() == 0 ? "-" : String.format("%.0f", perBot),
            s.liveThreads(),
            s.workThreads(),
            s.cyclesLast10s());
      }
      report.line("");
      if (stages.size() > 1) {
        for (Stage s : stages.subList(1, stages.size())) {
          double perBot = (s.heap() - zero.heap()) / (double) s.bots();
          report.line(
              "target heap per running bot <= %d bytes, growth over 0 bots / %d: %s (%.0f)",
              HEAP_PER_BOT_TARGET,
              s.bots(),
              perBot <= HEAP_PER_BOT_TARGET ? "ok" : "MISSED",
              perBot);
        }
        // What one more bot costs, without the one-off growth of the first cycles (classes' caches,
        // pools).
        Stage small = stages.get(1);
        Stage large = stages.get(2);
        double marginal = (large.heap() - small.heap()) / (double) (large.bots() - small.bots());
        report.line(
            "target heap per running bot <= %d bytes, marginal from %d to %d bots: %s (%.0f)",
            HEAP_PER_BOT_TARGET,
            small.bots(),
            large.bots(),
            marginal <= HEAP_PER_BOT_TARGET ? "ok" : "MISSED",
            marginal);
      }
      int maxWork = stages.stream().mapToInt(Stage::workThreads).max().orElse(0);
      report.line(
          "target work threads <= %d: %s (at most %d)",
          WORK_THREADS_TARGET, maxWork <= WORK_THREADS_TARGET ? "ok" : "MISSED", maxWork);
      // The deployed image starts with caches primed at build time (configure.sh in
      // deploy/Containerfile); here the first start recorded the class-data archive
      // (ClassDataArchive), which its stop wrote and the restarts map.
      bench.deleteBots();
      List<Long> restarts = new ArrayList<>();
      List<Long> restartsFromJvm = new ArrayList<>();
      for (int i = 0; i < RESTARTS; i++) {
        bench.restartWithCaches();
        restarts.add(bench.startToReadyMs);
        restartsFromJvm.add(bench.jvmStartToReadyMs);
        report.line(
            "restart %d of the installed server: %d ms to ready (%d ms from JVM start); load %s",
            i + 1, bench.startToReadyMs, bench.jvmStartToReadyMs, Report.loadAverage());
      }
      boolean archived = ClassDataArchive.enabled() && bench.server.classData().usable();
      long restartMs = median(restarts);
      report.line(
          "start of the installed server (stopped, then `server start` without --clean, so with the"
              + " OSGi and feature caches of the first start, as deploy/Containerfile primes them"
              + " with configure.sh; class-data archive of the first start %s), median of %d: %d"
              + " ms; from JVM start: %d ms",
          archived ? "mapped" : ClassDataArchive.enabled() ? "MISSING" : "switched off",
          RESTARTS,
          restartMs,
          median(restartsFromJvm));
      report.line(
          "target ready <= %d ms: fresh install (--clean) %s (%d ms from `server start`, %d ms from"
              + " JVM start); installed server, median of %d restarts, %s (%d ms)",
          READY_TARGET_MS,
          freshStartMs <= READY_TARGET_MS ? "ok" : "MISSED",
          freshStartMs,
          freshJvmMs,
          RESTARTS,
          restartMs <= READY_TARGET_MS ? "ok" : "MISSED",
          restartMs);
      report.line("");
      report.line(
          "heap: used after a full GC (jcmd GC.run, GC.heap_info; the smaller of two readings);"
              + " threads: /proc task count, the most seen in 10 s of sampling every 500 ms; work"
              + " threads: Liberty's \"Default Executor\" (runs the managed executors' tasks, also"
              + " HTTP requests) plus \"Scheduled Executor\" (fires their timers) threads");
      report.line("threads by name at %d running bots:", n);
      stages
          .get(stages.size() - 1)
          .groups()
          .forEach((name, count) -> report.line("    %3d  %s", count, name));
      report.save(machine);
    } catch (RuntimeException e) {
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  static Stage measure(BenchServer bench, int bots) {
    ProcStats most = bench.procStats();
    int work = most.workThreads();
    for (int i = 0; i < 20; i++) {
      Pause.of(Duration.ofMillis(500));
      ProcStats s = bench.procStats();
      work = Math.max(work, s.workThreads());
      if (s.threads() > most.threads()) {
        most = s;
      }
    }
    long cycles =
        Long.parseLong(
            bench.one(
                "SELECT count(*) FROM (SELECT DISTINCT account_id, cycle_id"
                    + " FROM delivery_record WHERE started_at > now() - interval '10 seconds') c"));
    long heap = Math.min(bench.heapAfterGc(), bench.heapAfterGc());
    return new Stage(bots, heap, most.threads(), work, cycles, most.threadGroups());
  }
}
