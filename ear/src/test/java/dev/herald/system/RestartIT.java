package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.launcher.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nothing a user stored is kept only in memory: it survives a server restart. */
class RestartIT {

  @Test
  void configurationAndLoginSurviveARestart() {
    SystemUnderTest system = SystemUnderTest.get();
    Api api = system.api();
    String token = new Tokens(system.keysDir()).tenant(Tokens.newSubject("restart"));
    api.put("/api/v1/bot/config", "{\"target_groups\":[\"@kept_group\"],\"post_text\":\"kept\"}")
        .token(token)
        .send();

    system.server().stop();
    system.server().start(Duration.ofMinutes(3));

    Api.Reply config = api.get("/api/v1/bot/config").token(token).send();
    assertEquals(200, config.status(), config::toString);
    assertEquals("kept", config.json().getString("post_text"));
    String login =
        "{\"email\":\"admin@herald.local\",\"password\":\"" + system.adminPassword() + "\"}";
    assertEquals(200, api.post("/api/v1/auth/login", login).send().status());
  }
}
