package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.LibertyServer;
import dev.herald.launcher.Pause;
import dev.herald.launcher.Ports;
import dev.herald.launcher.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Restarts of a lone node: nothing a user stored is kept only in memory, running bots stop (rule
 * 5), and a node waits for its database, or fails at once when waiting cannot help.
 */
class RestartIT extends TenantSystemTest {

  /**
   * A whole-service restart with the database back only after the server (a cluster powered on at
   * once, a compose file that does not wait for PostgreSQL's health). A server start costs the
   * suite its start time, so this one restart carries every rule a lone node's restart touches:
   *
   * <ul>
   *   <li>the node waits for its database and then serves: before, its start failed and it stayed
   *       unready until someone restarted it;
   *   <li>nothing a user stored is kept only in memory (a tenant's configuration, an admin's login,
   *       a client's failed access codes: rule 11);
   *   <li>SPEC rule 5: with no other node alive, a running bot is {@code STOPPED} with reason
   *       {@code RESTART} ({@link RestartSafetyIT} restarts beside a live node).
   * </ul>
   */
  @Test
  void aLoneNodeRestartedBeforeItsDatabaseWaitsKeepsWhatUsersStoredAndStopsRunningBots() {
    String token = tokens.tenant(Tokens.newSubject("early"));
    api.put(
            "/api/v1/bot/config",
            JsonBody.of("target_groups", List.of("@early_group"), "post_text", "kept"))
        .token(token)
        .send();
    ActiveTenant running = runningTenant("restart-alone", 1, 1, "@restart_group");
    AccessCodeAttempts codes = new AccessCodeAttempts(api, Admins.ownerToken(system));
    String client = codes.newClient();
    String code = codes.newCode();
    codes.fail(client, 5);
    codes.assertLimited(codes.attempt(code, client));
    system.server().stop();
    system.database().stop();
    // Liberty's start command returns once the application has started or 30 s have passed.
    CompletableFuture<Void> launched = CompletableFuture.runAsync(system.server()::launch);
    try {
      // The database stays away until the node says it waits for it, then 5 s more: a fixed hold
      // raced a slow start (CI's machine reached the migration after the database was back).
      Instant waitingSince = null;
      Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
      while (waitingSince == null || Instant.now().isBefore(waitingSince.plusSeconds(5))) {
        int ready = readinessStatus();
        assertTrue(ready != 200, "ready without its database: " + ready);
        if (waitingSince == null && saysItWaitsForTheDatabase()) {
          waitingSince = Instant.now();
        }
        assertTrue(
            waitingSince != null || Instant.now().isBefore(giveUp),
            "the log never said what the node waits for: " + system.server().messagesLog());
        Pause.of(Duration.ofMillis(500));
      }
    } finally {
      system.database().start();
    }
    launched.join();
    system.server().awaitReady(Duration.ofMinutes(3)); // a waited-for start, as every start
    Api.Reply config = api.get("/api/v1/bot/config").token(token).send();
    assertEquals(200, config.status(), config::toString);
    assertEquals("@early_group", config.json().getJsonArray("target_groups").getString(0));
    assertEquals("kept", config.json().getString("post_text"));
    String login = Admins.loginBody(Admins.OWNER_EMAIL, system.adminPassword());
    assertEquals(200, api.post("/api/v1/auth/login", login).send().status());
    codes.assertLimited(codes.attempt(code, client)); // rule 11: the count was in PostgreSQL

    var state = api.get("/api/v1/bot/state").token(running.token()).send().json();
    assertEquals("STOPPED", state.getString("status"), "rule 5: alone after a restart");
    assertEquals("RESTART", state.getString("stop_reason"));
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM activity_log WHERE account_id = ? AND event = 'AUTO_STOPPED' AND"
                + " reason_code = 'RESTART'",
            running.account()));
  }

  /**
   * A node pointed at a database that does not exist is refused by PostgreSQL in a way waiting
   * cannot cure: its start fails at once, naming the settings to check, instead of waiting for ever
   * (the error goes through Liberty's connection pool with its SQLState intact).
   */
  @Test
  void aServerWhoseDatabaseDoesNotExistFailsItsStartAtOnceSayingWhy() {
    Map<String, String> env = new HashMap<>(system.testEnvironment());
    env.put("DB_NAME", "no_such_database");
    LibertyServer misconfigured = system.server().copyAs("herald-no-database", Ports.free(), env);
    try {
      misconfigured.launch();
      Poll.until(
          "the start refused, saying why",
          Duration.ofMinutes(4), // as every copied server's start: the main one runs beside it
          () -> lines(misconfigured).stream().anyMatch(l -> l.contains("PostgreSQL refused")));
      String refused =
          lines(misconfigured).stream()
              .filter(l -> l.contains("PostgreSQL refused"))
              .findFirst()
              .orElseThrow();
      assertTrue(refused.contains("(3D000 "), refused);
      assertTrue(refused.contains("no_such_database"), refused);
      assertTrue(refused.contains("DB_NAME"), refused);
      assertTrue(
          lines(misconfigured).stream().noneMatch(l -> l.contains("PostgreSQL is not reachable")),
          "not waited for");
      // Liberty keeps running, its startup probe down (Kubernetes restarts the pod), not gone.
      Api probes = new Api(misconfigured.baseUrl());
      Poll.until(
          "the failed server answering its probes",
          Duration.ofMinutes(2),
          () -> status(probes, "/health/started") != 0);
      assertEquals(503, status(probes, "/health/started"));
      assertEquals(503, status(probes, "/health/ready"));
    } finally {
      misconfigured.stop();
    }
  }

  private static boolean saysItWaitsForTheDatabase() {
    return system.messages().stream().anyMatch(l -> l.contains("PostgreSQL is not reachable"));
  }

  private static List<String> lines(LibertyServer server) {
    try {
      return Files.exists(server.messagesLog())
          ? Files.readAllLines(server.messagesLog())
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** /health/ready's status, 0 while nothing listens. */
  private static int readinessStatus() {
    return status(api, "/health/ready");
  }

  private static int status(Api server, String path) {
    try {
      return server.get(path).send().status();
    } catch (RuntimeException notListening) {
      return 0;
    }
  }
}
