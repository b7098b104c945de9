package dev.herald.bench;

import dev.herald.launcher.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 7.4, API overhead: {@code wrk} against {@code GET /api/v1/bot/state} with a valid tenant
 * token and against the bare {@code GET /api/v1/ping} on the same server, alternating, so both see
 * the same machine. Both pass the same filters (request id, security headers, the per-client rate
 * limit with its bucket row in PostgreSQL, the access log line); the difference is the token check
 * and the endpoint's own work. The global per-client limit is raised for the run (wrk is one
 * client) and the output says so.
 *
 * <p>Usage: {@code bench/api.sh [rounds=3] [seconds=30] [connections=64] [warmup-s=15]}. {@code
 * BENCH_JFR=1} records the bot/state runs with JFR and prints the hottest frames.
 */
public final class ApiBench {

  static final String RATE_LIMIT = "1000000000";

  record Run(
      String name,
      double rps,
      double p50,
      double p99,
      long requests,
      String errors,
      double cpu,
      double pgCpu) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 15;
    int threads = Math.min(connections, Runtime.getRuntime().availableProcessors());
    Report report = new Report("API: GET /api/v1/bot/state vs the bare ping, wrk (issue 7.4)");
    int exit = 0;
    boolean statements = "1".equals(System.getenv("BENCH_PGSS"));
    BenchServer server =
        new BenchServer("api", Map.of("HERALD_RATE_LIMIT_DEFAULT_PER_MINUTE", RATE_LIMIT));
    try (BenchServer bench = (statements ? server.countStatements() : server).start()) {
      String machine = Report.machine(bench);
      String base = bench.server.baseUrl() + "/api/v1";
      String token = tenantWithConfiguredBot(bench, base);
      report.line(
          "%s; wrk %d threads, %d connections, %d s per run, %d rounds alternating (ping,"
              + " bot/state) after a %d s warm-up of each; wrk runs on the same %d cores as Liberty"
              + " and PostgreSQL",
          wrkVersion(),
          threads,
          connections,
          seconds,
          rounds,
          warmup,
          Runtime.getRuntime().availableProcessors());
      report.line(
          "rate limit raised for the run: HERALD_RATE_LIMIT_DEFAULT_PER_MINUTE=%s (default 300; wrk"
              + " is one client); every request still takes a token from its PostgreSQL bucket",
          RATE_LIMIT);
      report.line("Liberty start to ready: %d ms", bench.startToReadyMs);

      String[] ping = {"ping", base + "/ping"};
      String[] state = {"bot/state", base + "/bot/state", "Authorization: Bearer " + token};
      wrk(bench, ping, threads, connections, warmup);
      wrk(bench, state, threads, connections, warmup);

      boolean jfr = "1".equals(System.getenv("BENCH_JFR"));
      String jfrFile = bench.workDir.resolve("api-bot-state.jfr").toString();
      List<Run> runs = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        for (String[] endpoint : List.of(ping, state)) {
          boolean record = jfr && endpoint == state;
          if (record) {
            bench.jcmd("JFR.start", "name=api", "settings=profile", "filename=" + jfrFile);
          }
          if (statements) {
            bench.superuserSql("SELECT pg_stat_statements_reset()");
          }
          Run run = wrk(bench, endpoint, threads, connections, seconds);
          if (record) {
            bench.jcmd("JFR.stop", "name=api");
          }
          runs.add(run);
          report.line(
              "round %d %-9s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests%s; CPU Liberty"
                  + " %.0f%%, PostgreSQL %.0f%%)",
              round,
              run.name(),
              run.rps(),
              run.p50(),
              run.p99(),
              run.requests(),
              run.errors(),
              run.cpu(),
              run.pgCpu());
          if (statements) {
            report.line(
                "  PostgreSQL time per statement (pg_stat_statements; unit: one request), top 6:");
            StatementCounter.slowest(bench, run.requests(), 6).forEach(report::line);
          }
        }
      }
      Run p = summary(runs, "ping");
      Run s = summary(runs, "bot/state");
      double ratio = medianRatio(runs);
      report.line(
          "median of %d alternating pairs: ping %.0f req/s (p50 %.2f ms, p99 %.2f ms); bot/state"
              + " %.0f req/s (p50 %.2f ms, p99 %.2f ms)",
          rounds, p.rps(), p.p50(), p.p99(), s.rps(), s.p50(), s.p99());
      report.line(
          "target: bot/state >= 0.7x the ping's req/s (median of the rounds' ratios): %.2fx %s",
          ratio, ratio >= 0.7 ? "ok" : "MISSED");
      report.line(
          "target: bot/state p99 <= 20 ms: %.2f ms %s (worst round %.2f ms)",
          s.p99(),
          s.p99() <= 20 ? "ok" : "MISSED",
          runs.stream()
              .filter(r -> r.name().equals("bot/state"))
              .mapToDouble(Run::p99)
              .max()
              .orElse(0));
      if (jfr) {
        report.line("JFR of the bot/state runs: %s", jfrFile);
        JfrSummary.of(jfrFile).forEach(report::line);
      }
      report.save(machine);
    } catch (RuntimeException e) {
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  /**
   * A tenant as the system tests make one: registered with a Herald-key token, plan set, bot
   * configured.
   */
  static String tenantWithConfiguredBot(BenchServer bench, String base) throws Exception {
    String subject = Tokens.newSubject("bench-api");
    String token =
        new Tokens(bench.keysDir())
            .tenant(
                subject,
                claims -> {
                  var exp = org.jose4j.jwt.NumericDate.now();
                  exp.addSeconds(6 * 3600);
                  claims.setExpirationTime(exp);
                });
    HttpClient http = HttpClient.newHttpClient();
    send(
        http,
        HttpRequest.newBuilder(URI.create(base + "/account/register"))
            .POST(HttpRequest.BodyPublishers.noBody()),
        token,
        200);
    bench.sql(
        "UPDATE account SET plan_status = 'ACTIVE', max_sessions = 1, min_delay_between_posts_s ="
            + " 0, min_delay_between_cycles_s = 1, plan_updated_at = now() WHERE subject = ?",
        subject);
    send(
        http,
        HttpRequest.newBuilder(URI.create(base + "/bot/config"))
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"target_groups\":[\"@bench_a\",\"@bench_b\"],\"post_text\":\"bench\","
                        + "\"delay_between_posts_seconds\":5,\"delay_between_cycles_seconds\":60}")),
        token,
        200);
    send(http, HttpRequest.newBuilder(URI.create(base + "/bot/state")), token, 200);
    return token;
  }

  private static String send(
      HttpClient http, HttpRequest.Builder request, String token, int expected) throws Exception {
    HttpResponse<String> response =
        http.send(
            request.header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          response.uri() + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  // ---- wrk ----

  static Run wrk(BenchServer bench, String[] endpoint, int threads, int connections, int seconds) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "--timeout",
                "10s"));
    for (int i = 2; i < endpoint.length; i++) {
      command.add("-H");
      command.add(endpoint[i]);
    }
    command.add(endpoint[1]);
    ProcStats s0 = bench.procStats();
    long pg0 = bench.postgresCpuTicks();
    String out = BenchServer.run(command);
    long pg1 = bench.postgresCpuTicks();
    ProcStats s1 = bench.procStats();
    Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
    Matcher total = Pattern.compile("(\\d+) requests in").matcher(out);
    if (!rps.find() || !total.find()) {
      throw new IllegalStateException("unexpected wrk output:\n" + out);
    }
    StringBuilder errors = new StringBuilder();
    Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
    if (non2xx.find()) {
      errors.append(", ").append(non2xx.group(1)).append(" NOT 2xx");
    }
    Matcher socket = Pattern.compile("Socket errors: (.*)").matcher(out);
    if (socket.find()) {
      errors.append(", socket errors: ").append(socket.group(1).strip());
    }
    return new Run(
        endpoint[0],
        Double.parseDouble(rps.group(1)),
        percentile(out, "50"),
        percentile(out, "99"),
        Long.parseLong(total.group(1)),
        errors.toString(),
        ProcStats.cpuPercent(s0, s1),
        ProcStats.percent(pg1 - pg0, s0, s1));
  }

  /** A line of wrk's "Latency Distribution" ("99% 12.34ms"), in ms. */
  static double percentile(String wrkOutput, String p) {
    Matcher m =
        Pattern.compile("^\\s+" + p + "%\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
            .matcher(wrkOutput);
    if (!m.find()) {
      throw new IllegalStateException("no " + p + "% latency in wrk output:\n" + wrkOutput);
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "ms" -> v;
      case "s" -> v * 1000;
      default -> v * 60_000;
    };
  }

  static String wrkVersion() {
    String out = BenchServer.run(List.of("wrk", "-v"));
    return out.lines().findFirst().orElse("wrk").replaceAll("\\s*\\[.*", "").strip();
  }

  static Run summary(List<Run> runs, String name) {
    List<Run> mine = runs.stream().filter(r -> r.name().equals(name)).toList();
    return new Run(
        name,
        median(mine, Run::rps),
        median(mine, Run::p50),
        median(mine, Run::p99),
        mine.stream().mapToLong(Run::requests).sum(),
        "",
        0,
        0);
  }

  static double median(List<Run> runs, ToDoubleFunction<Run> value) {
    return Medians.of(runs.stream().mapToDouble(value).toArray());
  }

  /**
   * The median of the rounds' ratios bot/state to ping: each round's pair ran back to back, so its
   * ratio is of one state of the machine.
   */
  static double medianRatio(List<Run> runs) {
    List<Run> pings = runs.stream().filter(r -> r.name().equals("ping")).toList();
    List<Run> states = runs.stream().filter(r -> r.name().equals("bot/state")).toList();
    double[] ratios = new double[Math.min(pings.size(), states.size())];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = states.get(i).rps() / pings.get(i).rps();
    }
    return Medians.of(ratios);
  }

  private ApiBench() {}
}
