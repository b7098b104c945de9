package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Forum topics end to end: a tenant targets one topic of a forum by its link, Herald posts there
 * (the sandbox's Telegram model records the topic of every send), a second topic of the same group
 * is refused with a field error, a closed topic is shown on the tenant's target with what to do,
 * and an admin reads the topic's sends in the console's sandbox send log.
 */
class ForumTopicsIT extends ConsoleSystemTest {

  @AfterEach
  void clean() {
    fixtures.stopAllBots();
  }

  /** The sandbox model's sends to {@code chat} (a topic link: that topic's only). */
  private static List<JsonObject> sent(String chat) {
    Api.Reply reply =
        api.get(
                "/api/v1/admin/sandbox/sent?chat="
                    + URLEncoder.encode(chat, StandardCharsets.UTF_8))
            .token(fixtures.adminToken())
            .send();
    assertEquals(200, reply.status(), reply::toString);
    try (JsonReader json = Json.createReader(new StringReader(reply.body()))) {
      return json.readArray().getValuesAs(JsonObject.class);
    }
  }

  @Test
  void postsGoIntoTheTopicTheTargetNamesAndAClosedTopicIsShownToTheTenant() {
    fixtures.noSandboxFaults();
    String forum = "f" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "_forum";
    Api.Reply created =
        fixtures.createSandboxChats(
            JsonBody.of(
                "chats",
                List.of(
                    JsonBody.object(
                        "username",
                        forum,
                        "kind",
                        "SUPERGROUP",
                        "forum",
                        true,
                        "topics",
                        List.of(5),
                        "closed_topics",
                        List.of(7)))));
    assertEquals(200, created.status(), created::toString);

    String subject = Tokens.newSubject("topics");
    String token = tokens.tenant(subject);
    fixtures.activeAccount(token, subject, 2);
    Api.Reply twoTopics =
        api.put(
                "/api/v1/bot/config",
                JsonBody.of(
                    "target_groups",
                    List.of("https://t.me/" + forum + "/5", "https://t.me/" + forum + "/7"),
                    "post_text",
                    "hello"))
            .token(token)
            .send();
    assertEquals(400, twoTopics.status(), twoTopics::toString);
    assertEquals(
        "target_groups[1]",
        twoTopics.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    fixtures.runningBot(token, subject, 2, 1, "https://t.me/" + forum + "/5");
    JsonObject config = api.get("/api/v1/bot/config").token(token).send().json();
    assertEquals("@" + forum + "/5", config.getJsonArray("target_groups").getString(0));
    Poll.until(
        "a post delivered into topic 5",
        Duration.ofSeconds(30),
        () -> sent("@" + forum + "/5").stream().anyMatch(s -> "ok".equals(s.getString("outcome"))));
    assertTrue(
        sent("@" + forum).stream().allMatch(s -> s.getInt("topic") == 5),
        "nothing into the General topic: " + sent("@" + forum));

    // The closed topic: refused once, and the tenant's target says what to do.
    String other = Tokens.newSubject("topics-closed");
    String otherToken = tokens.tenant(other);
    fixtures.runningBot(otherToken, other, 1, 1, "@" + forum + "/7");
    Poll.until(
        "the closed topic shown on the target",
        Duration.ofSeconds(30),
        () -> {
          // Before the first cycle the target has no sender record yet.
          return api
              .get("/api/v1/bot/targets")
              .token(otherToken)
              .send()
              .json()
              .getJsonArray("items")
              .getValuesAs(JsonObject.class)
              .stream()
              .flatMap(t -> t.getJsonArray("senders").getValuesAs(JsonObject.class).stream())
              .anyMatch(
                  sender ->
                      sender.get("last_error") instanceof JsonObject error
                          && "TOPIC_UNAVAILABLE".equals(error.getString("code")));
        });
    assertEquals("400 TOPIC_CLOSED", sent("@" + forum + "/7").get(0).getString("outcome"));

    // An admin reads the topic's sends in the console.
    browser.open("/admin/tenants");
    browser.type("Email", "admin@herald.local");
    browser.type("Password", SystemUnderTest.get().adminPassword());
    browser.click("Sign in");
    browser.waitForScreen("Tenants");
    browser.go("/admin/sandbox");
    browser.type("Chat", "https://t.me/" + forum + "/5");
    browser.click("Show sends");
    browser.waitForText(By.cssSelector("[data-testid=sent-row] td:nth-child(3)"), "5");
    browser.capture("admin-sandbox-topic");
  }

  @Test
  void theBotEditorSaysWhenOneGroupIsNamedWithTwoTopics() {
    Login tenant = newLogin("topics-console");
    signIn(tenant);
    browser.go("/bot");
    browser.type("Group 1", "https://t.me/Topic_Forum/5");
    browser.click("Add group");
    browser.type("Group 2", "https://t.me/topic_forum/7");
    browser.waitForText(
        By.cssSelector(".field.invalid .error"),
        "Names @topic_forum again, as @topic_forum/5 does: choose one topic per group.");
    assertEquals("true", browser.field("Group 2").getAttribute("aria-invalid"));
    browser.type("Group 2", "@other_group");
    browser.type("Post 1 text", "Hello, topic");
    browser.waitUntil(
        "the group's error goes once it is valid",
        d -> d.findElements(By.cssSelector(".field.invalid")).isEmpty());
    browser.click("Save configuration");
    browser.waitForText(By.cssSelector("[role=status]"), "Saved.");
    assertEquals("@topic_forum/5", browser.field("Group 1").getAttribute("value"));
  }

  @Test
  void onlyAForumHasTopics() {
    Api.Reply notAForum =
        fixtures.createSandboxChats(
            JsonBody.of(
                "chats",
                List.of(
                    JsonBody.object(
                        "username", "fbad_plain", "kind", "SUPERGROUP", "topics", List.of(5)))));
    assertEquals(400, notAForum.status(), notAForum::toString);
    assertEquals("application/problem+json", notAForum.header("Content-Type"));
    Api.Reply channel =
        fixtures.createSandboxChats(
            JsonBody.of(
                "chats",
                List.of(
                    JsonBody.object("username", "fbad_chan", "kind", "CHANNEL", "forum", true))));
    assertEquals(400, channel.status(), channel::toString);
  }
}
