package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Pause;
import dev.herald.launcher.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Nothing a user stored is kept only in memory: it survives a server restart. */
class RestartIT extends TenantSystemTest {

  @Test
  void configurationAndLoginSurviveARestart() {
    String token = tokens.tenant(Tokens.newSubject("restart"));
    api.put(
            "/api/v1/bot/config",
            JsonBody.of("target_groups", List.of("@kept_group"), "post_text", "kept"))
        .token(token)
        .send();

    system.server().stop();
    system.server().start(Duration.ofMinutes(3));

    Api.Reply config = api.get("/api/v1/bot/config").token(token).send();
    assertEquals(200, config.status(), config::toString);
    assertEquals("kept", config.json().getString("post_text"));
    String login = Admins.loginBody(Admins.OWNER_EMAIL, system.adminPassword());
    assertEquals(200, api.post("/api/v1/auth/login", login).send().status());
  }

  /**
   * A node started before its database (a cluster powered on at once, a compose file that does not
   * wait for PostgreSQL's health) waits for it and then serves: before, its start failed and it
   * stayed unready until someone restarted it.
   */
  @Test
  void aServerStartedBeforeItsDatabaseWaitsForItThenServes() {
    String token = tokens.tenant(Tokens.newSubject("early"));
    api.put("/api/v1/bot/config", JsonBody.of("target_groups", List.of("@early_group")))
        .token(token)
        .send();
    system.server().stop();
    system.database().stop();
    // Liberty's start command returns once the application has started or 30 s have passed.
    CompletableFuture<Void> launched = CompletableFuture.runAsync(system.server()::launch);
    try {
      Instant heldUntil = Instant.now().plusSeconds(20);
      while (Instant.now().isBefore(heldUntil)) {
        int ready = readinessStatus();
        assertTrue(ready != 200, "ready without its database: " + ready);
        Pause.of(Duration.ofMillis(500));
      }
    } finally {
      system.database().start();
    }
    launched.join();
    system.server().awaitReady(Duration.ofSeconds(60));
    assertTrue(
        system.messages().stream().anyMatch(l -> l.contains("PostgreSQL is not reachable")),
        "the log says what the node waited for: " + system.server().messagesLog());
    Api.Reply config = api.get("/api/v1/bot/config").token(token).send();
    assertEquals(200, config.status(), config::toString);
    assertEquals("@early_group", config.json().getJsonArray("target_groups").getString(0));
  }

  /** /health/ready's status, 0 while nothing listens. */
  private static int readinessStatus() {
    try {
      return api.get("/health/ready").send().status();
    } catch (RuntimeException notListening) {
      return 0;
    }
  }
}
