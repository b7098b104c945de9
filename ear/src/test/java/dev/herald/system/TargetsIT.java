package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 on the running server, against the dev world of the sandbox's Telegram model (DemoWorld:
 * open public groups, {@code @sandbox_slow} with a 30 s slow mode, a private club whose join
 * requests nobody approves). Each test asserts on what the world saw (its members, join requests
 * and send log, through the admin's sandbox view), not on Herald's tables; the server joins at most
 * 2 chats per session and hour ({@code HERALD_TARGETS_JOINS_PER_HOUR} in {@link SystemUnderTest}).
 */
class TargetsIT extends EngineSystemTest {

  private static final String CLUB = "https://t.me/+SandboxPrivateClub";

  /** The sandbox chat as the world sees it. */
  private static JsonObject world(String chat) {
    Api.Reply reply =
        api.get(
                "/api/v1/admin/sandbox/world/chat?ref="
                    + java.net.URLEncoder.encode(chat, java.nio.charset.StandardCharsets.UTF_8))
            .token(fixtures.adminToken())
            .send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  /** What {@code account} ({@code user#12}) sent to the chat: Telegram's answers, oldest first. */
  private static List<String> sends(String chat, String account) {
    return world(chat).getJsonArray("sends").getValuesAs(JsonObject.class).stream()
        .filter(send -> send.getString("account").equals(account))
        .map(send -> send.getString("result"))
        .toList();
  }

  /**
   * Waits for the first send of {@code account} to {@code chat}: the sandbox accepted it, so the
   * sender had joined before it posted, and it is a member now.
   */
  private static void assertFirstPostAcceptedAsMember(String chat, String account) {
    Poll.until(
        "a post by " + account + " in " + chat,
        Duration.ofSeconds(20),
        () -> !sends(chat, account).isEmpty());
    assertEquals("ok", sends(chat, account).get(0), "the first post was accepted");
    assertEquals("MEMBER", membership(chat, account));
  }

  private static String membership(String chat, String account) {
    return world(chat).getJsonArray("members").getValuesAs(JsonObject.class).stream()
        .filter(member -> member.getString("account").equals(account))
        .map(member -> member.getString("membership"))
        .findFirst()
        .orElse("LEFT");
  }

  private static List<String> joinRequests(String chat) {
    return world(chat).getJsonArray("join_requests").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static long session(long account) {
    return fixtures.count(
        "SELECT id FROM telegram_session WHERE assigned_account_id = ? ORDER BY id LIMIT 1",
        account);
  }

  /** The tenant's targets, and the one sender standing of {@code chat}. */
  private static JsonObject standing(String token, String chat) {
    JsonObject page = api.get("/api/v1/bot/targets").token(token).send().json();
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(item -> item.getString("chat").equals(chat))
        .flatMap(item -> item.getJsonArray("senders").getValuesAs(JsonObject.class).stream())
        .findFirst()
        .orElse(null);
  }

  private static long cycles(long account) {
    return fixtures.count(
        "SELECT count(*) FROM activity_log WHERE account_id = ? AND event IN ('CYCLE_COMPLETED',"
            + " 'CYCLE_FAILURES')",
        account);
  }

  @Test
  void joinBeforeFirstPost() {
    ActiveTenant tenant = runningTenant("join-first", 1, 1, "@sandbox_lounge");
    String user = "user#" + session(tenant.account());

    assertFirstPostAcceptedAsMember("@sandbox_lounge", user);
    // The target's write-behind commits up to a flush (20 ms) after the send.
    Poll.until(
        "the target recorded as JOINED",
        Duration.ofSeconds(30),
        () -> {
          JsonObject standing = standing(tenant.token(), "@sandbox_lounge");
          return standing != null && "JOINED".equals(standing.getString("membership"));
        });
  }

  /**
   * A config naming one chat twice, by its username and by its id: each cycle posts there once and
   * its activity entry says so. Before, every cycle posted there twice.
   */
  @Test
  void aChatNamedTwiceTakesOnePostACycle() {
    String id = String.valueOf(world("@sandbox_market").getJsonNumber("id").longValue());
    ActiveTenant tenant = runningTenant("named-twice", 1, 1, "@sandbox_market", id);
    String user = "user#" + session(tenant.account());

    Poll.until("four cycles", Duration.ofSeconds(60), () -> cycles(tenant.account()) >= 4);
    long sent = sends("@sandbox_market", user).size();
    long cycles = cycles(tenant.account());

    // A cycle may have posted and not completed yet: at most one post more than cycles ended.
    assertTrue(sent <= cycles + 1, sent + " posts in " + cycles + " cycles");
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM (SELECT cycle_id FROM delivery_record WHERE account_id = ?"
                + " GROUP BY cycle_id HAVING count(*) > 1) twice",
            tenant.account()),
        "no cycle started two posts there, the first one included");
    assertTrue(
        fixtures.count(
                "SELECT count(*) FROM activity_log WHERE account_id = ? AND message LIKE"
                    + " '%, 1 same chat%'",
                tenant.account())
            >= 1,
        "a cycle's entry counts the name left out");
  }

  @Test
  void pacedJoins() {
    ActiveTenant tenant =
        runningTenant("paced", 1, 1, "@sandbox_lounge", "@sandbox_market", "@sandbox_slow");
    String user = "user#" + session(tenant.account());

    Poll.until("three cycles", Duration.ofSeconds(30), () -> cycles(tenant.account()) >= 3);

    assertEquals("MEMBER", membership("@sandbox_lounge", user));
    assertEquals("MEMBER", membership("@sandbox_market", user));
    assertEquals("LEFT", membership("@sandbox_slow", user), "the third join waits an hour");
    assertEquals(List.of(), sends("@sandbox_slow", user), "nothing sent where it did not join");
    JsonObject paced = standing(tenant.token(), "@sandbox_slow");
    assertEquals("NOT_MEMBER", paced.getString("membership"));
    assertEquals("JOIN_PACED", paced.getJsonObject("last_error").getString("code"));
    assertTrue(!paced.isNull("next_post_at"), paced::toString);
  }

  /**
   * Telegram's spam limit on the running server: a fresh session with 22 groups and one text posts
   * to 20 of them ({@code HERALD_TARGETS_NEW_CHATS_PER_DAY}'s default), the model refuses nothing,
   * and the other two tell the tenant why they wait and until when.
   */
  @Test
  void newChatsLimit() {
    String subject = Tokens.newSubject("new-chats");
    String token = tokens.tenant(subject);
    fixtures.session(fixtures.apiPair(7));
    long account = fixtures.activeAccount(token, subject, 1);
    fixtures.sql("UPDATE account SET max_groups = 22 WHERE id = ?", account);
    List<String> groups =
        IntStream.rangeClosed(1, 22).mapToObj(i -> "@fresh_" + account + "_" + i).toList();
    fixtures.completeConfig(token, groups.toArray(String[]::new));
    fixtures.startBot(token);
    String user = "user#" + session(account);

    Poll.until("two cycles", Duration.ofSeconds(30), () -> cycles(account) >= 2);

    List<String> posted = groups.stream().filter(g -> !sends(g, user).isEmpty()).toList();
    assertEquals(20, posted.size(), posted::toString);
    posted.forEach(g -> assertTrue(sends(g, user).stream().allMatch("ok"::equals), g));
    List<JsonObject> held =
        groups.stream().filter(g -> !posted.contains(g)).map(g -> standing(token, g)).toList();
    for (JsonObject standing : held) {
      assertEquals("JOINED", standing.getString("membership"), standing::toString);
      assertEquals(
          "NEW_CHATS_LIMIT",
          standing.getJsonObject("last_error").getString("code"),
          standing::toString);
      assertTrue(!standing.isNull("next_post_at"), standing::toString);
    }
    assertEquals(2, held.size());
  }

  @Test
  void inviteLinkWithApproval() {
    ActiveTenant tenant = runningTenant("club", 1, 1, CLUB);
    String user = "user#" + session(tenant.account());

    Poll.until("a join request", Duration.ofSeconds(20), () -> joinRequests(CLUB).contains(user));
    Poll.until("two cycles", Duration.ofSeconds(20), () -> cycles(tenant.account()) >= 2);

    assertEquals(List.of(), sends(CLUB, user), "no post before an admin approves");
    JsonObject requested = standing(tenant.token(), CLUB);
    assertEquals("JOIN_REQUESTED", requested.getString("membership"));
    assertTrue(
        requested
            .getJsonObject("last_error")
            .getString("message")
            .startsWith("The group requires approval: a join request was sent"),
        requested::toString);
  }

  @Test
  void slowModeDeferral() {
    ActiveTenant tenant = runningTenant("slow", 1, 1, "@sandbox_slow");
    String user = "user#" + session(tenant.account());

    Poll.until("a post", Duration.ofSeconds(20), () -> sends("@sandbox_slow", user).size() > 0);
    long after = cycles(tenant.account());
    Poll.until(
        "five more cycles", Duration.ofSeconds(30), () -> cycles(tenant.account()) >= after + 5);

    assertEquals(
        List.of("ok"),
        sends("@sandbox_slow", user),
        "one post, then nothing sent into the 30 s slow mode");
    assertEquals(
        0,
        fixtures.count(
            "SELECT total_flood_waits FROM bot_stats WHERE account_id = ?", tenant.account()));
    assertTrue(!standing(tenant.token(), "@sandbox_slow").isNull("next_post_at"));
  }

  /**
   * The chat is resolved once and its id stored: later posts address it by that id, and the model
   * answers each one (its daily username budget is not asked again). The budget running out is
   * {@code SandboxTargetsTest}'s: the model's budget is 200 a day here.
   */
  @Test
  void usernameBudget() {
    ActiveTenant tenant = runningTenant("budget", 1, 1, "@sandbox_lounge");
    String user = "user#" + session(tenant.account());

    Poll.until(
        "three posts", Duration.ofSeconds(30), () -> sends("@sandbox_lounge", user).size() >= 3);

    assertEquals(List.of("ok", "ok", "ok"), sends("@sandbox_lounge", user).subList(0, 3));
    JsonObject target =
        api.get("/api/v1/bot/targets")
            .token(tenant.token())
            .send()
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertTrue(target.getBoolean("resolved"), "the id is stored and reused");
    assertEquals("Sandbox Lounge", target.getString("title"));
  }

  @Test
  void replacementSessionJoins() {
    ActiveTenant tenant = runningTenant("replaced", 1, 1, "@sandbox_market");
    long first = session(tenant.account());
    Poll.until(
        "the first session posts",
        Duration.ofSeconds(20),
        () -> sends("@sandbox_market", "user#" + first).size() > 0);
    fixtures.session(fixtures.apiPair(3));

    Api.Reply banned =
        api.post("/api/v1/admin/sessions/" + first + "/ban", JsonBody.of("reason", "test ban"))
            .token(fixtures.adminToken())
            .send();
    assertEquals(200, banned.status(), banned::toString);
    Poll.until("a replacement", Duration.ofSeconds(10), () -> session(tenant.account()) != first);
    String replacement = "user#" + session(tenant.account());

    assertFirstPostAcceptedAsMember("@sandbox_market", replacement);
  }

  @Test
  void botNotAddedTenantTold() {
    ActiveTenant tenant = activeTenant("own-bot", 1);
    String token = tenant.token();
    long botId = ThreadLocalRandom.current().nextLong(100_000, 9_999_999_999L);
    fixtures.verifiedUserBot(
        token, botId + ":AAH" + Long.toHexString(botId) + "secretPartOfTheToken_xyz_abc");
    fixtures.drainPool(); // no session joins the account: the tenant's bot is its only sender
    fixtures.completeConfig(token, "@sandbox_market");
    fixtures.startBot(token);

    Poll.until(
        "the tenant told",
        Duration.ofSeconds(20),
        () -> {
          JsonObject standing = standing(token, "@sandbox_market");
          return standing != null && !standing.isNull("last_error");
        });
    JsonObject standing = standing(token, "@sandbox_market");
    assertEquals("user_bot", standing.getString("sender"));
    assertEquals("NOT_MEMBER", standing.getString("membership"));
    assertEquals("BOT_NOT_MEMBER", standing.getJsonObject("last_error").getString("code"));
    assertEquals(
        "Add @sandbox_bot_" + botId + " to @sandbox_market and let it post.",
        standing.getJsonObject("last_error").getString("message"));
    assertEquals(
        List.of(), sends("@sandbox_market", "bot#" + tenant.account()), "no send attempted");
  }
}
