package dev.herald.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a benchmark's figures as they come and saves them, with the exact command, the date and
 * the machine (the machines are shared: the load average says how noisy a run was): appended to
 * bench/HISTORY.md, and in place of the benchmark's previous run in bench/RESULTS.md. {@code
 * BENCH_LABEL} labels the run (e.g. "harness check", "AFTER: abc1234").
 */
public final class Report {

  private final String title;
  private final List<String> lines = new ArrayList<>();
  private final String loadBefore = loadAverage();

  public Report(String title) {
    this.title = title;
  }

  public void line(String format, Object... args) {
    String text = args.length == 0 ? format : String.format(format, args);
    System.out.println(text);
    lines.add(text);
  }

  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  public static String machine(BenchServer bench) {
    String mem;
    try {
      mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    } catch (IOException e) {
      mem = "?";
    }
    String[] pg =
        bench.row(
            "SELECT current_setting('server_version'), current_setting('fsync'),"
                + " current_setting('synchronous_commit'), current_setting('shared_buffers')");
    return Runtime.getRuntime().availableProcessors()
        + " cores, "
        + mem
        + ", Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vendor")
        + "), PostgreSQL "
        + pg[0]
        + " (embedded, zonky) with fsync="
        + pg[1]
        + ", synchronous_commit="
        + pg[2]
        + ", shared_buffers="
        + pg[3];
  }

  /** Appends this run to bench/HISTORY.md and makes it the benchmark's latest in RESULTS.md. */
  public void save(String machine) {
    String entry = entry(machine);
    Path history = Path.of(System.getProperty("bench.history", "../bench/HISTORY.md"));
    Path results = Path.of(System.getProperty("bench.results", "../bench/RESULTS.md"));
    String benchmark = System.getProperty("bench.main", title);
    try {
      if (!Files.exists(history)) {
        Files.createDirectories(history.toAbsolutePath().getParent());
        Files.writeString(
            history,
            "# Herald benchmark results\n\nAppended by the `bench/*.sh` commands, newest last.\n");
      }
      Files.writeString(history, entry, StandardOpenOption.APPEND);
      LatestResults.replace(results, benchmark, entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(
        "(appended to "
            + history.toAbsolutePath().normalize()
            + ", latest in "
            + results.toAbsolutePath().normalize()
            + ")");
  }

  /** The run as a markdown section: title, command, label, date, machine, load, figures. */
  private String entry(String machine) {
    String command = System.getProperty("bench.command", "(unknown)");
    StringBuilder md = new StringBuilder();
    md.append("\n## ").append(title).append("\n\n");
    md.append("- command: `").append(command).append("`\n");
    String label =
        System.getenv("BENCH_LABEL"); // e.g. BENCH_LABEL="harness check", "BEFORE", "AFTER"
    if (label != null && !label.isBlank()) {
      md.append("- run: **").append(label.strip()).append("**\n");
    }
    md.append("- date: ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
        .append("\n");
    md.append("- machine: ").append(machine).append("\n");
    md.append("- load average (1/5/15 min) before: ")
        .append(loadBefore)
        .append(", after: ")
        .append(loadAverage())
        .append("\n\n```\n");
    lines.forEach(l -> md.append(l).append('\n'));
    md.append("```\n");
    return md.toString();
  }
}
