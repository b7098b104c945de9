package dev.herald.system;

import static dev.herald.system.Admins.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.EmbeddedDatabase;
import dev.herald.launcher.LibertyServer;
import dev.herald.launcher.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default limits, on a server of its own (own database, own keys, no trusted proxy, no billing
 * secret), since the shared test server raises them for the suite: login 10/min per client, the
 * global per-client limit with RateLimit headers, 429 problems with Retry-After, and a spoofed
 * X-Forwarded-For from an untrusted socket changing nothing.
 */
class RateLimitIT {

  static final int GLOBAL_PER_MINUTE = 40;
  static LibertyServer server;
  static Api api;
  static Tokens tokens;

  @BeforeAll
  static void start() throws SQLException {
    SystemUnderTest system = SystemUnderTest.get();
    String url = "jdbc:postgresql://localhost:" + system.database().port() + "/postgres";
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS herald_limits");
      s.execute("CREATE DATABASE herald_limits OWNER " + EmbeddedDatabase.USER);
    }
    Map<String, String> env = new HashMap<>(system.devEnvironment());
    env.put("DB_NAME", "herald_limits");
    env.put("HERALD_DATA_DIR", system.workDir().resolve("limits-data").toString());
    env.put("HERALD_RATE_LIMIT_DEFAULT_PER_MINUTE", Integer.toString(GLOBAL_PER_MINUTE));
    server = system.startCopy("herald-limits", env);
    api = new Api(server.baseUrl());
    tokens = new Tokens(system.workDir().resolve("limits-data/keys"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static void assertLimited(Api.Reply reply, long maxRetryAfter) {
    assertProblem(reply, 429, "rate-limited");
    long retryAfter = Long.parseLong(reply.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= maxRetryAfter, reply::toString);
    assertEquals("0", reply.header("RateLimit-Remaining"), reply::toString);
  }

  @Test
  void defaultLimitsHoldPerClientAndASpoofedForwardedForChangesNothing() {
    // No billing secret on this server: the webhook says so instead of accepting anything.
    assertProblem(
        api.post("/api/v1/billing/plan-events", "{}").send(), 503, "billing-not-configured");

    String wrong = JsonBody.of("email", "admin@herald.local", "password", "wrong-password");
    for (int i = 0; i < 10; i++) {
      assertProblem(api.post("/api/v1/auth/login", wrong).send(), 401, "authentication-failed");
    }
    assertLimited(api.post("/api/v1/auth/login", wrong).send(), 60);
    assertLimited(
        api.post("/api/v1/auth/login", wrong).header("X-Forwarded-For", "203.0.113.50").send(), 60);

    String token = tokens.tenant(Tokens.newSubject("limited"));
    Api.Reply first = api.get("/api/v1/bot/state").token(token).send();
    assertEquals(200, first.status(), first::toString);
    assertEquals(Integer.toString(GLOBAL_PER_MINUTE), first.header("RateLimit-Limit"));
    long remaining = Long.parseLong(first.header("RateLimit-Remaining"));
    long reset = Long.parseLong(first.header("RateLimit-Reset"));
    assertTrue(
        remaining < GLOBAL_PER_MINUTE - 10, "login attempts count towards the global limit too");
    assertTrue(reset >= 1 && reset <= 60, first::toString);
    for (long left = remaining; left > 0; left--) {
      Api.Reply reply = api.get("/api/v1/bot/state").token(token).send();
      assertEquals(200, reply.status(), reply::toString);
      assertEquals(Long.toString(left - 1), reply.header("RateLimit-Remaining"));
    }
    assertLimited(api.get("/api/v1/bot/state").token(token).send(), 60);
    assertLimited(
        api.get("/api/v1/bot/state").token(token).header("X-Forwarded-For", "198.51.100.99").send(),
        60);
    assertLimited(api.get("/api/v1/account/register").send(), 60);

    String metrics = api.get("/metrics?scope=application").send().body();
    assertTrue(metrics.contains("herald_rate_limit_rejections_total{limit=\"login\""), metrics);
    assertTrue(metrics.contains("herald_rate_limit_rejections_total{limit=\"api\""), metrics);
  }
}
