package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's content through the API and the engine on the sandbox's Telegram model, asserting what
 * that Telegram received ({@code GET /admin/sandbox/sent}): formatted text as entities parsed by
 * TDLib, variants spread over a cycle's chats, posts rotated per cycle, URL buttons sent by the
 * tenant's bot and dropped for sessions, and the preview.
 */
class BotContentIT extends EngineSystemTest {

  /**
   * A tenant with an active plan and one sandbox session whose bot posts to {@code groups} with
   * these more configuration fields (names and values), saved.
   */
  private static String tenantWith(List<String> groups, Object... config) {
    fixtures.session(fixtures.apiPair(7));
    String token = activeTenant("content", 1).token();
    Api.Reply saved = api.put("/api/v1/bot/config", config(groups, config)).token(token).send();
    assertEquals(200, saved.status(), saved::toString);
    return token;
  }

  /** What the sandbox's Telegram accepted in this chat, oldest first. */
  private static List<JsonObject> received(String chat) {
    return allSent(chat).stream().filter(e -> "ok".equals(e.getString("outcome"))).toList();
  }

  /** Every attempt the sandbox's Telegram received in this chat, refused ones too, oldest first. */
  private static List<JsonObject> allSent(String chat) {
    Api.Reply reply =
        api.get("/api/v1/admin/sandbox/sent?chat=" + chat.replace("@", "%40"))
            .token(fixtures.adminToken())
            .send();
    assertEquals(200, reply.status(), reply::toString);
    JsonArray sent;
    try (var reader = Json.createReader(new StringReader(reply.body()))) {
      sent = reader.readArray();
    }
    return sent.getValuesAs(JsonObject.class);
  }

  private static List<JsonObject> awaitReceived(String chat, int count) {
    Poll.until(
        count + " message(s) in " + chat,
        Duration.ofSeconds(30),
        () -> received(chat).size() >= count);
    return received(chat);
  }

  private static String group(String name) {
    return "@" + name + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }

  private static String config(List<String> groups, Object... more) {
    return JsonBody.of(
        then(
            more,
            "target_groups",
            groups,
            "delay_between_posts_seconds",
            0,
            "delay_between_cycles_seconds",
            1));
  }

  /** A TEXT post of {@code text} with these more fields (names and values), if any. */
  private static JsonObject textPost(String text, Object... more) {
    return JsonBody.object(then(more, "type", "TEXT", "text", text));
  }

  /** The names and values {@code first}, then {@code more}. */
  private static Object[] then(Object[] more, Object... first) {
    Object[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void markdownPostsReachTelegramAsPlainTextWithEntities() {
    String chat = group("content_md");
    String token =
        tenantWith(List.of(chat), "post_text", "Hello via *Bot API*", "format", "MARKDOWN");
    fixtures.startBot(token);

    JsonObject message = awaitReceived(chat, 1).get(0);
    assertEquals("Hello via Bot API", message.getString("text"), "no asterisks reach the chat");
    JsonObject bold = message.getJsonArray("entities").getJsonObject(0);
    assertEquals("bold", bold.getString("type"));
    assertEquals(10, bold.getInt("offset"));
    assertEquals(7, bold.getInt("length"));
  }

  @Test
  void htmlPostsReachTelegramAsEntitiesToo() {
    String chat = group("content_html");
    String token =
        tenantWith(
            List.of(chat),
            "posts",
            List.of(
                textPost("<i>Hi</i> <a href=\"https://example.com/\">site</a>", "format", "HTML")));
    fixtures.startBot(token);

    JsonObject message = awaitReceived(chat, 1).get(0);
    assertEquals("Hi site", message.getString("text"));
    JsonArray entities = message.getJsonArray("entities");
    assertEquals("italic", entities.getJsonObject(0).getString("type"));
    assertEquals("text_link", entities.getJsonObject(1).getString("type"));
    assertEquals("https://example.com/", entities.getJsonObject(1).getString("url"));
  }

  @Test
  void formattedTextThatDoesNotParseIs400NamingThePosition() {
    String token = tokens.tenant(Tokens.newSubject("content_bad"));
    Api.Reply reply =
        api.put(
                "/api/v1/bot/config",
                JsonBody.of("post_text", "Hello *world", "format", "MARKDOWN"))
            .token(token)
            .send();
    JsonObject error = Admins.assertFieldRefused(reply, "post_text");
    assertTrue(error.getString("message").contains("offset 6"), error::toString);
  }

  @Test
  void noTwoChatsOfACycleGetTheSameVariant() {
    List<String> chats = List.of(group("content_v1"), group("content_v2"), group("content_v3"));
    String token = tenantWith(chats, "post_text", "{Hello|Hi|Hey} there");
    fixtures.startBot(token);

    Set<String> firstTexts = new HashSet<>();
    for (String chat : chats) {
      firstTexts.add(awaitReceived(chat, 1).get(0).getString("text"));
    }
    assertEquals(Set.of("Hello there", "Hi there", "Hey there"), firstTexts);
  }

  /**
   * A template is checked on save on its first {@code 256} renderings; the others reach Telegram
   * unchecked. Here three quarters of them are longer than Telegram's 4096 characters: Telegram
   * refuses those, the attempt is recorded as the post's fault (not the chat's, not the session's),
   * the cycle's entry says so, and the bot goes on posting the renderings Telegram takes.
   */
  @Test
  void aRenderingTelegramRefusesIsRecordedAsRejectedAndTheBotGoesOn() {
    String chat = group("content_long");
    String tooLong = "L".repeat(4100);
    String template =
        "{a|b}".repeat(8) + " {fits|" + tooLong + "|" + tooLong + "1|" + tooLong + "2}";
    fixtures.session(fixtures.apiPair(7));
    ActiveTenant tenant = activeTenant("content_long", 1);
    String token = tenant.token();
    Api.Reply saved =
        api.put("/api/v1/bot/config", config(List.of(chat), "post_text", template))
            .token(token)
            .send();
    assertEquals(200, saved.status(), "the first 256 renderings fit: " + saved);
    fixtures.startBot(token);

    Poll.until(
        "a refused and a delivered post in " + chat,
        Duration.ofSeconds(60),
        () -> {
          List<String> outcomes = outcomes(token);
          return outcomes.contains("POST_REJECTED") && outcomes.contains("DELIVERED");
        });
    api.post("/api/v1/bot/stop", "").token(token).send();
    Poll.until(
        "the bot stopped",
        Duration.ofSeconds(30),
        () -> fixtures.botStatus(tenant.account()).equals("STOPPED"));

    JsonObject rejected =
        deliveries(token).stream()
            .filter(d -> d.getString("outcome").equals("POST_REJECTED"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "Telegram refused the post: MESSAGE_TOO_LONG",
        rejected.getString("error"),
        "why, in words");
    List<JsonObject> sent = allSent(chat);
    assertTrue(
        sent.stream().anyMatch(e -> e.getString("outcome").equals("400 MESSAGE_TOO_LONG")),
        "Telegram itself refused it: " + sent);
    assertEquals(
        deliveries(token).size(), sent.size(), "one attempt reached Telegram per recorded post");
    JsonArray logs =
        api.get("/api/v1/bot/logs?limit=200").token(token).send().json().getJsonArray("items");
    assertTrue(
        logs.stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                l ->
                    "POST_REJECTED".equals(l.getString("reason_code", ""))
                        && l.getString("message").endsWith(": 1 post rejected")),
        logs::toString);
    assertEquals(
        "ASSIGNED",
        fixtures.string(
            "SELECT state FROM telegram_session WHERE assigned_account_id = ?", tenant.account()),
        "the session is not blamed: still the account's, not parked, cooled down or banned");
  }

  private static List<JsonObject> deliveries(String token) {
    Api.Reply reply = api.get("/api/v1/bot/deliveries?limit=200").token(token).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static List<String> outcomes(String token) {
    return deliveries(token).stream().map(d -> d.getString("outcome")).toList();
  }

  @Test
  void postsRotateInOrderOneEachCycle() {
    String chat = group("content_rot");
    String token =
        tenantWith(
            List.of(chat),
            "posts",
            List.of(textPost("first post"), textPost("second post")),
            "rotation",
            "IN_ORDER");
    fixtures.startBot(token);

    List<JsonObject> messages = awaitReceived(chat, 3);
    String first = messages.get(0).getString("text");
    assertTrue(first.endsWith(" post"), first);
    assertFalse(first.equals(messages.get(1).getString("text")), "the next cycle, the next post");
    assertEquals(first, messages.get(2).getString("text"), "and round again");
  }

  @Test
  void buttonsWithSessionsNeedTheTenantsSayAndOnlyTheBotSendsThem() {
    List<String> chats = List.of(group("content_b1"), group("content_b2"));
    List<JsonObject> posts =
        List.of(
            textPost(
                "With a button",
                "buttons",
                List.of(List.of(JsonBody.object("text", "Open", "url", "https://example.com/")))));
    String subject = Tokens.newSubject("content_btn");
    String token = tokens.tenant(subject);
    fixtures.session(fixtures.apiPair(7));
    fixtures.activeAccount(token, subject, 2);

    Api.Reply refused =
        api.put("/api/v1/bot/config", config(chats, "posts", posts)).token(token).send();
    JsonObject why = Admins.assertFieldRefused(refused, "sessions_drop_buttons");
    assertTrue(why.getString("message").contains("cannot send them"), why::toString);

    Api.Reply saved =
        api.put("/api/v1/bot/config", config(chats, "posts", posts, "sessions_drop_buttons", true))
            .token(token)
            .send();
    assertEquals(200, saved.status(), saved::toString);
    String botToken =
        ThreadLocalRandom.current().nextLong(100_000, 9_999_999_999L)
            + ":AAH"
            + String.format("%016x", ThreadLocalRandom.current().nextLong())
            + "contentTestToken_xyz";
    api.post("/api/v1/user-bot", JsonBody.of("token", botToken)).token(token).send();
    Api.Reply verified =
        api.post("/api/v1/user-bot/verify", JsonBody.of("test_chat", group("content_bt")))
            .token(token)
            .send();
    assertEquals(200, verified.status(), verified::toString);
    fixtures.startBot(token);

    int byBot = 0;
    int bySession = 0;
    for (String chat : chats) {
      JsonObject message = awaitReceived(chat, 1).get(0);
      JsonArray keyboard = message.getJsonArray("buttons");
      if (message.getString("sender").startsWith("bot#")) {
        byBot++;
        JsonObject button = keyboard.getJsonArray(0).getJsonObject(0);
        assertEquals("Open", button.getString("text"));
        assertEquals("https://example.com/", button.getString("url"));
      } else {
        bySession++;
        assertTrue(keyboard.isEmpty(), "a user account's message has no buttons");
      }
    }
    assertEquals(1, byBot, "the bot took one chat");
    assertEquals(1, bySession, "the session took the other");
  }

  @Test
  void previewRendersSamplesAsTheyWouldBeSent() {
    List<String> chats = List.of(group("content_p1"), group("content_p2"));
    String token = tenantWith(chats, "post_text", "{Hi|Hey} *you*", "format", "MARKDOWN");

    Api.Reply reply = api.post("/api/v1/bot/preview", JsonBody.of("count", 2)).token(token).send();
    assertEquals(200, reply.status(), reply::toString);
    List<JsonObject> samples = reply.json().getJsonArray("samples").getValuesAs(JsonObject.class);
    assertEquals(2, samples.size());
    Set<String> texts = new HashSet<>();
    for (JsonObject sample : samples) {
      texts.add(sample.getString("text"));
      JsonObject bold = sample.getJsonArray("entities").getJsonObject(0);
      assertEquals("bold", bold.getString("type"));
      assertEquals(3, bold.getInt("length"));
    }
    assertEquals(Set.of("Hi you", "Hey you"), texts);

    Api.Reply draft =
        api.post(
                "/api/v1/bot/preview",
                JsonBody.of(
                    "count",
                    1,
                    "config",
                    JsonBody.object("post_text", "<b>draft</b>", "format", "HTML")))
            .token(token)
            .send();
    assertEquals(200, draft.status(), draft::toString);
    assertEquals("draft", draft.json().getJsonArray("samples").getJsonObject(0).getString("text"));
    assertEquals(
        400, api.post("/api/v1/bot/preview", JsonBody.of("count", 0)).token(token).send().status());
  }
}
