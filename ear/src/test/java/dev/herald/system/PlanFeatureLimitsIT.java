package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 6 and SPEC rule 18 for the plan's content limits ({@code max_posts_per_bot}, {@code
 * max_buttons}) and for every way a plan changes (an admin, a token's claims, the billing webhook):
 * the running bot gets the new plan's limits at its next cycle and the tenant is told what was cut
 * ({@code plan_cuts}, one {@code PLAN_LIMITS_APPLIED} activity). Asserted on what the sandbox's
 * Telegram model received.
 */
class PlanFeatureLimitsIT extends TenantSystemTest {

  /** Three posts the bot takes turns with, in this order. */
  private static final List<String> POSTS = List.of("Post A", "Post B", "Post C");

  private ScheduledBots bots;

  @BeforeEach
  void isolate() {
    bots = ScheduledBots.isolated(api, fixtures);
  }

  /** A bot posting its posts in turn, one cycle a second, to {@code chats}. */
  private static String rotating(List<String> chats, List<String> texts) {
    return JsonBody.of(
        "target_groups",
        chats,
        "posts",
        texts.stream().map(text -> JsonBody.object("type", "TEXT", "text", text)).toList(),
        "rotation",
        "IN_ORDER",
        "delay_between_posts_seconds",
        0,
        "delay_between_cycles_seconds",
        1);
  }

  /** Limits that keep the test's bots quick (one session, no minimum delays), plus {@code more}. */
  private static Object[] quickPlan(Object... more) {
    Object[] quick = {
      "max_sessions", 1, "min_delay_between_posts_seconds", 0, "min_delay_between_cycles_seconds", 1
    };
    Object[] all = new Object[quick.length + more.length];
    System.arraycopy(quick, 0, all, 0, quick.length);
    System.arraycopy(more, 0, all, quick.length, more.length);
    return all;
  }

  private List<String> texts(String chat) {
    return bots.received(chat).stream().map(message -> message.getString("text")).toList();
  }

  /**
   * Waits past a cycle that may have been in flight at the change (it may still finish under the
   * old plan), then returns how many messages {@code chat} had when the new plan's cycles began.
   */
  private int afterTheChange(String chat) {
    int before = bots.received(chat).size();
    Poll.until(
        "a cycle under the new plan",
        Duration.ofSeconds(20),
        () -> bots.received(chat).size() >= before + 2);
    return bots.received(chat).size();
  }

  /** The next three messages in {@code chat}, from {@code from} on. */
  private List<JsonObject> nextThree(String chat, int from) {
    Poll.until(
        "three more cycles", Duration.ofSeconds(30), () -> bots.received(chat).size() >= from + 3);
    return bots.received(chat).subList(from, from + 3);
  }

  private List<String> planCuts(String token) {
    return bots.state(token).getJsonArray("plan_cuts").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private long planLimitsApplied(long account, String saying) {
    return fixtures.count(
        "SELECT count(*) FROM activity_log WHERE account_id = ? AND event = 'PLAN_LIMITS_APPLIED'"
            + " AND message LIKE ?",
        account,
        "%" + saying + "%");
  }

  /**
   * The tenant was told what the new plan cut: {@code cut} is the bot's one plan cut and one {@code
   * PLAN_LIMITS_APPLIED} activity says {@code saying}.
   */
  private void assertToldOfTheCut(ActiveTenant tenant, String cut, String saying) {
    assertEquals(List.of(cut), planCuts(tenant.token()));
    assertEquals(1, planLimitsApplied(tenant.account(), saying));
  }

  @Test
  void aPlanDowngradeLeavesPostsBeyondMaxPostsPerBotOutOfTheRotationAndSaysSo() {
    ActiveTenant tenant = activeTenant("posts-cut", 1);
    String chat = ScheduledBots.chat("posts_cut");
    bots.start(tenant.token(), rotating(List.of(chat), POSTS));
    Poll.until(
        "every post sent once", Duration.ofSeconds(20), () -> texts(chat).containsAll(POSTS));

    bots.setPlan(tenant.account(), quickPlan("max_posts_per_bot", 1));

    int from = afterTheChange(chat);
    assertEquals(
        List.of("Post A", "Post A", "Post A"),
        nextThree(chat, from).stream().map(message -> message.getString("text")).toList(),
        "only the first post stays in the rotation");
    assertToldOfTheCut(
        tenant,
        "Your plan allows 1 posts per bot: the last 2 of your 3 are left out of the rotation.",
        "1 posts per bot");

    // An upgrade brings the posts back: the configuration was kept as the tenant saved it.
    bots.setPlan(tenant.account(), quickPlan("max_posts_per_bot", 3));
    int upgraded = afterTheChange(chat);
    assertEquals(
        3,
        nextThree(chat, upgraded).stream()
            .map(message -> message.getString("text"))
            .distinct()
            .count(),
        "all three posts take turns again");
    assertEquals(List.of(), planCuts(tenant.token()));
  }

  @Test
  void aPlanDowngradeKeepsEachPostsFirstMaxButtonsOnTheRunningBotAndSaysSo() {
    fixtures.drainPool(); // the tenant's own bot is the only sender: every message has buttons
    ActiveTenant tenant = activeTenant("buttons-cut", 1);
    String chat = ScheduledBots.chat("buttons_cut");
    List<JsonObject> row =
        List.of(
            JsonBody.object("text", "One", "url", "https://example.com/1"),
            JsonBody.object("text", "Two", "url", "https://example.com/2"),
            JsonBody.object("text", "Three", "url", "https://example.com/3"));
    bots.putConfig(
        tenant.token(),
        JsonBody.of(
            "target_groups",
            List.of(chat),
            "posts",
            List.of(
                JsonBody.object("type", "TEXT", "text", "With buttons", "buttons", List.of(row))),
            "sessions_drop_buttons",
            true,
            "delay_between_posts_seconds",
            0,
            "delay_between_cycles_seconds",
            1));
    fixtures.verifiedUserBot(tenant.token(), UserBotIT.botToken());
    fixtures.startBot(tenant.token());
    Poll.until(
        "a message with its three buttons",
        Duration.ofSeconds(20),
        () ->
            bots.received(chat).stream()
                .anyMatch(m -> m.getJsonArray("buttons").getJsonArray(0).size() == 3));

    bots.setPlan(tenant.account(), quickPlan("max_buttons", 1));

    int from = afterTheChange(chat);
    for (JsonObject message : nextThree(chat, from)) {
      assertTrue(message.getString("sender").startsWith("bot#"), message::toString);
      assertEquals(1, message.getJsonArray("buttons").size(), message::toString);
      assertEquals(1, message.getJsonArray("buttons").getJsonArray(0).size(), message::toString);
      assertEquals(
          "One",
          message.getJsonArray("buttons").getJsonArray(0).getJsonObject(0).getString("text"),
          "the first button in reading order is kept");
    }
    assertToldOfTheCut(
        tenant,
        "Your plan allows 1 buttons per post: 1 of your posts go out with their first 1 only.",
        "1 buttons per post");
    api.post("/api/v1/bot/stop", "").token(tenant.token()).send();
  }

  @Test
  void postsAndButtonsLimitsAreCheckedOnSaveNamingTheLimit() {
    ActiveTenant tenant = activeTenant("limits-save", 1);

    Api.Reply badPlan =
        api.put(
                "/api/v1/admin/accounts/" + tenant.account() + "/plan",
                JsonBody.of("status", "ACTIVE", "limits", JsonBody.object("max_buttons", 101)))
            .token(fixtures.adminToken())
            .send();
    JsonObject planError = Admins.assertFieldRefused(badPlan, "limits");
    assertEquals("max_buttons must be between 0 and 100, was 101.", planError.getString("message"));

    bots.setPlan(tenant.account(), quickPlan("max_posts_per_bot", 2, "max_buttons", 0));
    JsonObject limits =
        api.get("/api/v1/admin/accounts/" + tenant.account())
            .token(fixtures.adminToken())
            .send()
            .json()
            .getJsonObject("plan")
            .getJsonObject("limits");
    assertEquals(2, limits.getInt("max_posts_per_bot"));
    assertEquals(0, limits.getInt("max_buttons"));

    Api.Reply tooMany =
        api.put("/api/v1/bot/config", rotating(List.of(ScheduledBots.chat("save")), POSTS))
            .token(tenant.token())
            .send();
    JsonObject postsError = Admins.assertFieldRefused(tooMany, "posts");
    assertTrue(postsError.getString("message").contains("max_posts_per_bot"), postsError::toString);
  }

  @Test
  void aPlanChangeFromTokenClaimsReachesTheRunningBotAtOnceAndSaysWhatItCut() {
    ActiveTenant tenant = activeTenant("claims-cut", 1);
    String kept = ScheduledBots.chat("claims_kept");
    String cut = ScheduledBots.chat("claims_cut");
    bots.start(tenant.token(), rotating(List.of(kept, cut), List.of("Hello")));
    Poll.until("both groups posted to", Duration.ofSeconds(20), () -> !bots.sends(cut).isEmpty());

    long asOf = Instant.now().getEpochSecond() + 2; // newer than the plan the fixture stored
    String claimed =
        tokens.tenant(
            tenant.subject(),
            c -> {
              c.setClaim("plan_status", "ACTIVE");
              c.setClaim("plan_updated_at", asOf);
              c.setClaim(
                  "plan_limits",
                  Map.of(
                      "max_sessions", 1,
                      "max_groups", 1,
                      "min_delay_between_posts_seconds", 0,
                      "min_delay_between_cycles_seconds", 1));
            });
    assertEquals(200, api.post("/api/v1/account/register", "").token(claimed).send().status());

    assertEquals(1, planLimitsApplied(tenant.account(), "allows 1 target groups"));
    afterTheChange(kept);
    int cutSoFar = bots.sends(cut).size();
    nextThree(kept, bots.received(kept).size());
    assertEquals(cutSoFar, bots.sends(cut).size(), "the group beyond max_groups got nothing more");
  }

  @Test
  void aPlanChangeFromTheBillingWebhookReachesTheRunningBotAtOnceAndSaysWhatItCut() {
    ActiveTenant tenant = activeTenant("billing-cut", 1);
    String chat = ScheduledBots.chat("billing_cut");
    bots.start(tenant.token(), rotating(List.of(chat), POSTS.subList(0, 2)));
    Poll.until(
        "both posts sent",
        Duration.ofSeconds(20),
        () -> texts(chat).containsAll(POSTS.subList(0, 2)));

    long now = Instant.now().getEpochSecond();
    String body =
        "{\"event_id\": \"ev-"
            + UUID.randomUUID()
            + "\", \"account_id\": "
            + tenant.account()
            + ", \"plan_status\": \"ACTIVE\", \"limits\": {\"max_sessions\": 1,"
            + " \"min_delay_between_posts_seconds\": 0, \"min_delay_between_cycles_seconds\": 1,"
            + " \"max_posts_per_bot\": 1}, \"occurred_at\": "
            + (now + 2)
            + "}";
    String timestamp = Long.toString(now);
    Api.Reply applied =
        api.post("/api/v1/billing/plan-events", body)
            .header("X-Herald-Timestamp", timestamp)
            .header(
                "X-Herald-Signature",
                BillingWebhookIT.sign(SystemUnderTest.BILLING_SECRET, timestamp, body))
            .send();
    assertEquals(200, applied.status(), applied::toString);
    assertTrue(applied.json().getBoolean("changed"), applied::toString);

    assertEquals(1, planLimitsApplied(tenant.account(), "1 posts per bot"));
    int from = afterTheChange(chat);
    assertEquals(
        List.of("Post A", "Post A", "Post A"),
        nextThree(chat, from).stream().map(message -> message.getString("text")).toList(),
        "only the first post stays in the rotation");
  }
}
