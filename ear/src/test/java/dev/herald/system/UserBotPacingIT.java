package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.LibertyServer;
import dev.herald.launcher.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's own bot posting through the Bot API ({@code HERALD_TRANSPORT_USER_BOTS=botapi}, here a
 * local Bot API server) at the limits its admin set: with the defaults (1 request a second, 1 at a
 * time) the checks of three groups and the three posts reach the Bot API a second apart, and the
 * bot's {@code total_requests} counts them within its 30 s refresh.
 */
class UserBotPacingIT extends ModelNodesSystemTest {

  static LocalBotApi telegram;
  static LibertyServer node;

  @BeforeAll
  static void start() {
    telegram = new LocalBotApi();
    nodes = new ModelSessionNodes(system, "botapi_pacing");
    node =
        nodes.node(
            "herald-botapi",
            Map.of(
                "HERALD_TRANSPORT_USER_BOTS",
                "botapi",
                "HERALD_BOTAPI_BASE_URL",
                telegram.baseUrl()));
    node.start(Duration.ofMinutes(4));
  }

  @AfterAll
  static void stopTelegram() {
    if (telegram != null) {
      telegram.close();
    }
  }

  @Test
  void aUserBotsRequestsReachTheBotApiNoFasterThanItsLimitAndAreCounted() {
    Api api = new Api(node.baseUrl());
    String subject = Tokens.newSubject("paced");
    String tenant = tokens.tenant(subject);
    long account = Admins.register(api, tenant);
    nodes.sql(
        "UPDATE account SET plan_status = 'ACTIVE', min_delay_between_posts_s = 0,"
            + " min_delay_between_cycles_s = 1, plan_updated_at = now() WHERE id = ?",
        account);
    Api.Reply config =
        api.put(
                "/api/v1/bot/config",
                JsonBody.of(
                    "target_groups",
                    List.of("@paced_a", "@paced_b", "@paced_c"),
                    "post_text",
                    "Paced by its limits",
                    "delay_between_posts_seconds",
                    0,
                    "delay_between_cycles_seconds",
                    3600))
            .token(tenant)
            .send();
    assertEquals(200, config.status(), config::toString);
    assertEquals(
        201,
        api.post("/api/v1/user-bot", JsonBody.of("token", LocalBotApi.TOKEN))
            .token(tenant)
            .send()
            .status());
    Api.Reply verified = api.post("/api/v1/user-bot/verify", "{}").token(tenant).send();
    assertTrue(verified.json().getBoolean("verified"), verified::toString);
    int verification = telegram.calls().size();

    Api.Reply started = api.post("/api/v1/bot/start", "").token(tenant).send();
    assertEquals(200, started.status(), started::toString);
    Poll.until(
        "the three posts sent",
        Duration.ofMinutes(2),
        () -> telegram.calls("sendMessage").size() == 3);
    api.post("/api/v1/bot/stop", "").token(tenant).send();

    List<LocalBotApi.Call> cycle = telegram.calls().subList(verification, telegram.calls().size());
    assertTrue(cycle.size() >= 6, "the groups' checks and the posts: " + cycle);
    // Started a second apart; arrivals carry the transit's jitter (a first connection's set-up),
    // so 700 ms: unpaced, they come a few milliseconds apart.
    for (int i = 1; i < cycle.size(); i++) {
      long gapMs = (cycle.get(i).at() - cycle.get(i - 1).at()) / 1_000_000;
      assertTrue(
          gapMs >= 700,
          "1 a second: " + cycle.get(i) + " came " + gapMs + " ms after the one before");
    }
    // Counted every 30 s (the verification's getMe is not the bot posting, and is not counted).
    Poll.until(
        "every request of the cycle counted",
        Duration.ofSeconds(75),
        () ->
            nodes.count("SELECT total_requests FROM user_bot WHERE account_id = ?", account)
                == cycle.size());
  }
}
