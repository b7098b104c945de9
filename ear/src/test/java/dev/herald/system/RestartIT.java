package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import java.time.Duration;
import java.util.List;
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
}
