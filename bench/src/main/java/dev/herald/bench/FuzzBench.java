package dev.herald.bench;

import dev.herald.bench.FuzzCases.FuzzCase;
import dev.herald.launcher.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 5 item 3: an OpenAPI-driven negative-testing run against the running server. Starts a fresh
 * embedded PostgreSQL and one Liberty (dev profile, sandbox transport, rate limits raised so the
 * requests reach the resources), signs in as the bootstrap owner and as a tenant it creates, seeds
 * an API pair, a session, a bot configuration and a user bot, reads {@code /openapi}, and sends the
 * {@link FuzzCases} catalogue plus random mutations until {@code requests} have gone out. Every
 * answer goes through {@link FuzzCheck}; the summary is printed and appended to bench/RESULTS.md,
 * every request is listed in bench/target/bench/fuzz-report/requests.tsv and every violation, with
 * its request and answer, in violations.jsonl. Exits 1 on any violation.
 *
 * <p>Usage: {@code bench/fuzz.sh [requests=12000] [seed=1]}.
 */
public final class FuzzBench {

  static final String BILLING_SECRET = "fuzz-billing-secret";
  static final String USER_EMAIL = "fuzz-user@example.com";
  static final String USER_PASSWORD = "fuzz-user-password";

  /**
   * The fuzzer sends from one address as fast as it can: limits that would answer 429 to most of it
   * are raised.
   */
  static final Map<String, String> FUZZ_ENV =
      Map.of(
          "HERALD_RATE_LIMIT_DEFAULT_PER_MINUTE", "10000000",
          "HERALD_RATE_LIMIT_LOGIN_PER_MINUTE", "10000000",
          "HERALD_RATE_LIMIT_ACCESS_CODE_FAILURES", "10000000",
          "HERALD_BILLING_SECRET", BILLING_SECRET);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    int exit;
    String target = System.getenv("FUZZ_BASE_URL");
    if (target != null) {
      // Against a server that is already running (its rate limits and billing secret as FUZZ_ENV).
      String password =
          Files.readString(Path.of(System.getenv("FUZZ_ADMIN_PASSWORD_FILE"))).strip();
      System.exit(run(target, password, requests, seed, "(running server at " + target + ")"));
    }
    try (BenchServer bench = new BenchServer("fuzz", FUZZ_ENV).start()) {
      String machine = Report.machine(bench);
      String password = Files.readString(bench.workDir.resolve("data/keys/admin-password")).strip();
      exit = run(bench.server.baseUrl(), password, requests, seed, machine);
    }
    System.exit(exit);
  }

  static int run(String base, String adminPassword, int requests, long seed, String machine)
      throws Exception {
    Report report =
        new Report("API fuzz: " + requests + " malformed requests from /openapi (issue 5 item 3)");
    // ---- sign in and seed what the path parameters point at ----
    String admin = token(base, "admin@herald.local", adminPassword);
    call(base, "POST", "/api/v1/account/register", admin, null);
    call(
        base,
        "POST",
        "/api/v1/admin/accounts",
        admin,
        Json.createObjectBuilder()
            .add("email", USER_EMAIL)
            .add("role", "USER")
            .add("password", USER_PASSWORD)
            .add(
                "plan",
                Json.createObjectBuilder()
                    .add("status", "ACTIVE")
                    .add("expires_at", "2030-01-01T00:00:00Z")
                    .add(
                        "limits",
                        Json.createObjectBuilder().add("max_sessions", 3).add("max_groups", 20)))
            .build()
            .toString(),
        409);
    String user = token(base, USER_EMAIL, USER_PASSWORD);
    String userId = field(call(base, "POST", "/api/v1/account/register", user, null), "id");
    JsonObject bodies = read(FuzzBench.class.getResourceAsStream("fuzz-bodies.json"));
    call(base, "PUT", "/api/v1/bot/config", user, bodies.get("PUT /api/v1/bot/config").toString());
    call(base, "POST", "/api/v1/user-bot", user, bodies.get("POST /api/v1/user-bot").toString());
    String pairId =
        field(
            call(
                base,
                "POST",
                "/api/v1/admin/api-pairs",
                admin,
                bodies.get("POST /api/v1/admin/api-pairs").toString()),
            "id");
    String sessionId =
        field(
            call(
                base,
                "POST",
                "/api/v1/admin/sessions",
                admin,
                Json.createObjectBuilder()
                    .add("phone", "+441234567890")
                    .add("api_pair_id", Long.parseLong(pairId))
                    .build()
                    .toString()),
            "id");
    Map<String, String> ids = new TreeMap<>();
    for (String template :
        List.of("/api/v1/admin/accounts/{id}", "/api/v1/admin/accounts/{id}/plan")) {
      ids.put("id@" + template, userId);
    }
    for (String action : List.of("", "/ban", "/code", "/password", "/release")) {
      ids.put("id@/api/v1/admin/sessions/{id}" + action, sessionId);
    }
    for (String action : List.of("", "/activate", "/rate-limits", "/suspend")) {
      ids.put("accountId@/api/v1/admin/bots/{accountId}" + action, userId);
    }

    String openapiText = call(base, "GET", "/openapi?format=JSON", null, null);
    JsonObject openapi =
        read(new ByteArrayInputStream(openapiText.getBytes(StandardCharsets.UTF_8)));
    FuzzCases generator = new FuzzCases(openapi, bodies, ids, admin, user, BILLING_SECRET);
    List<FuzzCase> cases = new ArrayList<>(generator.catalogue());
    int catalogue = cases.size();
    Random random = new Random(seed);
    while (cases.size() < requests) {
      cases.add(generator.random(random));
    }
    Collections.shuffle(cases, random);

    // ---- send, check, record ----
    Path out =
        Path.of(System.getProperty("herald.bench.dir", "target/bench"))
            .toAbsolutePath()
            .resolve("fuzz-report");
    Files.createDirectories(out);
    Files.writeString(out.resolve("openapi.json"), openapiText);
    Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    Map<String, LongAdder> byFamily = new ConcurrentHashMap<>();
    Map<String, LongAdder> byViolation = new ConcurrentHashMap<>();
    Map<String, String> firstExample = new ConcurrentHashMap<>();
    LongAdder containerRefusals = new LongAdder();
    AtomicInteger sent = new AtomicInteger();
    long t0 = System.nanoTime();
    try (BufferedWriter tsv = Files.newBufferedWriter(out.resolve("requests.tsv"));
        BufferedWriter violations = Files.newBufferedWriter(out.resolve("violations.jsonl"))) {
      tsv.write("n\tfamily\tmethod\tpath\tstatus\tviolations\n");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (FuzzCase c : cases) {
        pool.submit(
            () -> {
              int n = sent.incrementAndGet();
              String status;
              List<String> found;
              String answer;
              try {
                HttpResponse<String> r = send(base, c, "fuzz-" + seed + "-" + n);
                status = Integer.toString(r.statusCode());
                answer = r.body();
                found =
                    FuzzCheck.violations(
                        c.method(),
                        r.statusCode(),
                        r.headers().firstValue("Content-Type").orElse(null),
                        r.headers().firstValue("X-Request-Id").orElse(null),
                        r.body());
              } catch (IllegalArgumentException unsendable) {
                status = "unsendable";
                answer = unsendable.toString();
                found = List.of();
              } catch (IOException | InterruptedException e) {
                status = "no-answer";
                answer = e.toString();
                found = List.of("no-answer");
              }
              byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
              byFamily.computeIfAbsent(c.family(), k -> new LongAdder()).increment();
              String where = c.method() + " " + c.template();
              boolean refusal = found.equals(List.of(FuzzCheck.CONTAINER_REFUSAL));
              if (refusal) {
                containerRefusals.increment();
                firstExample.putIfAbsent(FuzzCheck.CONTAINER_REFUSAL, c.path());
              }
              List<String> counted = refusal ? List.of() : found;
              for (String v : counted) {
                String kind = v.replaceAll(":.*", "");
                byViolation
                    .computeIfAbsent(kind + " " + status + " " + where, k -> new LongAdder())
                    .increment();
                firstExample.putIfAbsent(kind + " " + status + " " + where, v);
              }
              synchronized (tsv) {
                try {
                  tsv.write(
                      n
                          + "\t"
                          + c.family()
                          + "\t"
                          + c.method()
                          + "\t"
                          + c.path().replace('\t', ' ')
                          + "\t"
                          + status
                          + "\t"
                          + String.join(",", found).replace('\t', ' ')
                          + "\n");
                  if (!counted.isEmpty()) {
                    violations.write(
                        Json.createObjectBuilder()
                                .add("n", n)
                                .add("request_id", "fuzz-" + seed + "-" + n)
                                .add("violations", String.join(", ", found))
                                .add("family", c.family())
                                .add("method", c.method())
                                .add("path", c.path())
                                .add("headers", c.headers().toString())
                                .add(
                                    "body",
                                    c.body() == null
                                        ? ""
                                        : clip(new String(c.body(), StandardCharsets.UTF_8), 2000))
                                .add("status", status)
                                .add("answer", clip(answer, 4000))
                                .build()
                                .toString()
                            + "\n");
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            });
      }
      pool.shutdown();
      pool.awaitTermination(2, TimeUnit.HOURS);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;

    // ---- summary ----
    long total = byStatus.values().stream().mapToLong(LongAdder::sum).sum();
    long violationCount = byViolation.values().stream().mapToLong(LongAdder::sum).sum();
    report.line(
        "operations in /openapi: %d; requests sent: %d (%d from the catalogue, %d random, seed %d)"
            + " in %.0f s (%.0f/s, 4 connections)",
        generator.operations.size(),
        total,
        catalogue,
        total - catalogue,
        seed,
        seconds,
        total / seconds);
    report.line("by family: %s", sorted(byFamily));
    report.line("by status: %s", sorted(byStatus));
    report.line(
        "5xx: %d; violations: %d",
        byStatus.entrySet().stream()
            .filter(e -> e.getKey().startsWith("5"))
            .mapToLong(e -> e.getValue().sum())
            .sum(),
        violationCount);
    report.line(
        "refused by Liberty before the application (a path not canonical once decoded, Servlet 6.0"
            + " 3.5.2; plain 400 with the security headers, see SECURITY.md): %d (e.g. %s)",
        containerRefusals.sum(), firstExample.getOrDefault(FuzzCheck.CONTAINER_REFUSAL, "none"));
    new TreeMap<>(byViolation)
        .forEach(
            (k, v) ->
                report.line("    %6d  %s  (e.g. %s)", v.sum(), k, clip(firstExample.get(k), 120)));
    report.line("report: %s", out);
    report.save(machine);
    return violationCount == 0 ? 0 : 1;
  }

  private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
    Map<String, Long> m = new TreeMap<>();
    counts.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  private static HttpResponse<String> send(String base, FuzzCase c, String requestId)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + c.path()))
            .timeout(Duration.ofSeconds(60))
            .method(
                c.method(),
                c.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(c.body()));
    b.header("X-Request-Id", requestId);
    c.headers().forEach(b::setHeader);
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String base, String email, String password) throws Exception {
    return field(
        call(
            base,
            "POST",
            "/api/v1/auth/login",
            null,
            Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString()),
        "access_token");
  }

  /** A set-up request: must succeed. */
  private static String call(String base, String method, String path, String token, String json)
      throws Exception {
    return call(base, method, path, token, json, 0);
  }

  /** A set-up request: must succeed or answer {@code alsoFine} (409: created by an earlier run). */
  private static String call(
      String base, String method, String path, String token, String json, int alsoFine) {
    Api.Request request = new Api(base).request(method, path, json);
    if (token != null) {
      request.token(token);
    }
    Api.Reply reply = request.send();
    if (reply.status() >= 300 && reply.status() != alsoFine) {
      throw new IllegalStateException(method + " " + path + " -> " + reply);
    }
    return reply.body();
  }

  private static String field(String json, String name) {
    JsonObject o = read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    return o.get(name) instanceof JsonString s ? s.getString() : o.get(name).toString();
  }

  private static JsonObject read(InputStream in) {
    try (JsonReader r = Json.createReader(in)) {
      return r.readObject();
    }
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
