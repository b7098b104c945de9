package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a process and of each of its threads from /proc (clock ticks, 100 per second on
 * Linux), so CPU % and "which threads did the work" come from the kernel, not from the JVM.
 */
public record ProcStats(
    long nanoTime,
    long processTicks,
    int threads,
    Map<Long, Long> threadTicks,
    Map<Long, String> threadNames) {

  static final double TICKS_PER_SECOND = 100.0;

  public static ProcStats of(long pid) {
    Map<Long, Long> ticks = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          long tid = Long.parseLong(task.getFileName().toString());
          ticks.put(tid, ticksOf(Files.readString(task.resolve("stat"))));
          names.put(tid, Files.readString(task.resolve("comm")).strip());
        } catch (IOException gone) {
          // the thread ended between listing and reading
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid, e);
    }
    return new ProcStats(System.nanoTime(), cpuTicks(pid), ticks.size(), ticks, names);
  }

  public static long cpuTicks(long pid) {
    try {
      return ticksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException gone) {
      return 0;
    }
  }

  /** utime + stime: fields 14 and 15, counted after the parenthesised command name. */
  private static long ticksOf(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** CPU % of one core between two samples. */
  public static double cpuPercent(ProcStats from, ProcStats to) {
    return percent(to.processTicks - from.processTicks, from, to);
  }

  public static double percent(long ticks, ProcStats from, ProcStats to) {
    double seconds = (to.nanoTime - from.nanoTime) / 1e9;
    return ticks / TICKS_PER_SECOND / seconds * 100;
  }

  /**
   * Threads that used at least {@code minPercent} of a core between the samples, grouped by name
   * with the trailing number removed (e.g. "Default Executor-thread" x 5: 37.0%).
   */
  public static Map<String, String> busyThreads(ProcStats from, ProcStats to, double minPercent) {
    Map<String, long[]> groups = new TreeMap<>();
    to.threadTicks.forEach(
        (tid, ticks) -> {
          long delta = ticks - from.threadTicks.getOrDefault(tid, 0L);
          if (percent(delta, from, to) >= minPercent) {
            String group = group(to.threadNames.get(tid));
            long[] g = groups.computeIfAbsent(group, k -> new long[2]);
            g[0]++;
            g[1] += delta;
          }
        });
    Map<String, String> out = new TreeMap<>();
    groups.forEach(
        (name, g) ->
            out.put(name, g[0] + " threads, " + String.format("%.1f%%", percent(g[1], from, to))));
    return out;
  }

  /** Every live thread grouped by name with the trailing number removed, with a count each. */
  public Map<String, Integer> threadGroups() {
    Map<String, Integer> groups = new TreeMap<>();
    threadNames.values().forEach(name -> groups.merge(group(name), 1, Integer::sum));
    return groups;
  }

  /**
   * Threads that run Herald's engine: Liberty runs managed executor tasks (concurrent/heraldEngine
   * and the default managed scheduled executor) on its default executor and fires their timers on
   * its scheduled executor ("Default Executor-thread-N", "Scheduled Executor-thread-N"; the kernel
   * keeps 15 characters of a name).
   */
  public int workThreads() {
    return (int)
        threadNames.values().stream()
            .filter(
                name -> name.startsWith("Default Executo") || name.startsWith("Scheduled Execu"))
            .count();
  }

  static String group(String threadName) {
    return threadName.replaceAll("[-_ ]?\\d+$", "");
  }

  public static long busyThreadCount(ProcStats from, ProcStats to, double minPercent) {
    return to.threadTicks.entrySet().stream()
        .filter(
            e ->
                percent(e.getValue() - from.threadTicks.getOrDefault(e.getKey(), 0L), from, to)
                    >= minPercent)
        .count();
  }
}
