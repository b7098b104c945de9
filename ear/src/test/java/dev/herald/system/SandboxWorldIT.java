package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's Telegram model as the "day in the life" benchmark reads and sets it: chats with
 * slow mode, channels and join requests created by an admin, the model's counters, and every
 * sender's membership in the words of {@code /bot/targets}.
 */
class SandboxWorldIT extends TenantSystemTest {

  @AfterEach
  void clean() {
    fixtures.stopAllBots();
  }

  @Test
  void chatsCreatedByAnAdminAreJoinedAndRefusedAsTelegramWouldAndTheModelCountsIt() {
    fixtures.stopAllBots();
    fixtures.noSandboxFaults();
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String open = "w" + tag + "_open";
    String channel = "w" + tag + "_news";
    String asked = "w" + tag + "_ask";
    Api.Reply created =
        fixtures.createSandboxChats(
            JsonBody.of(
                "chats",
                List.of(
                    JsonBody.object(
                        "username", open, "kind", "SUPERGROUP", "slow_mode_seconds", 10),
                    JsonBody.object("username", channel, "kind", "channel"),
                    JsonBody.object(
                        "username", asked, "kind", "SUPERGROUP", "join_by_request", true))));
    assertEquals(200, created.status(), created::toString);
    assertEquals(3, created.json().getInt("created"));
    JsonObject before = figures();

    // Two tenants: the test server paces joins at two per session and hour, and the channel
    // needs a join of its own.
    String subject = Tokens.newSubject("world");
    long account =
        fixtures.runningBot(tokens.tenant(subject), subject, 1, 1, "@" + open, "@" + asked);
    String reader = Tokens.newSubject("world-channel");
    long readerAccount = fixtures.runningBot(tokens.tenant(reader), reader, 1, 1, "@" + channel);
    long session =
        fixtures.count(
            "SELECT id FROM telegram_session WHERE assigned_account_id = ? LIMIT 1", account);
    long readerSession =
        fixtures.count(
            "SELECT id FROM telegram_session WHERE assigned_account_id = ? LIMIT 1", readerAccount);
    Poll.until(
        "a post delivered to the open group",
        Duration.ofSeconds(30),
        () -> {
          Map<String, String> seen = memberships();
          return figures().getJsonNumber("delivered").longValue()
                  > before.getJsonNumber("delivered").longValue()
              && seen.containsKey("session:" + session + " @" + asked)
              && seen.containsKey("session:" + readerSession + " @" + channel);
        });

    Map<String, String> members = memberships();
    assertEquals("JOINED", members.get("session:" + session + " @" + open));
    assertEquals("WRITE_FORBIDDEN", members.get("session:" + readerSession + " @" + channel));
    assertEquals("JOIN_REQUESTED", members.get("session:" + session + " @" + asked));
    JsonObject after = figures();
    // The channel was found read-only when it was joined: Herald never posted into it.
    assertEquals(
        before.getJsonObject("refused_by_reason").getInt("CHAT_WRITE_FORBIDDEN", 0),
        after.getJsonObject("refused_by_reason").getInt("CHAT_WRITE_FORBIDDEN", 0),
        after::toString);
    assertTrue(after.getInt("max_joins_per_account_per_hour") >= 1, after::toString);
    assertEquals(1.0, after.getJsonNumber("time_scale").doubleValue());
  }

  @Test
  void badChatsAre400AndTenantsAre403() {
    Api.Reply slowMode =
        fixtures.createSandboxChats(
            JsonBody.of(
                "chats",
                List.of(
                    JsonBody.object(
                        "username", "wbad_slow", "kind", "SUPERGROUP", "slow_mode_seconds", 7))));
    assertEquals(400, slowMode.status(), slowMode::toString);
    assertEquals("application/problem+json", slowMode.header("Content-Type"));
    Api.Reply kind =
        fixtures.createSandboxChats(
            JsonBody.of(
                "chats", List.of(JsonBody.object("username", "wbad_kind", "kind", "forum"))));
    assertEquals(400, kind.status(), kind::toString);
    assertEquals(400, fixtures.createSandboxChats(JsonBody.of("chats", List.of())).status());
    Api.Reply tenant =
        api.get("/api/v1/admin/sandbox/world").token(tokens.tenant(Tokens.newSubject("w"))).send();
    assertEquals(403, tenant.status(), tenant::toString);
  }

  private static JsonObject figures() {
    Api.Reply reply = api.get("/api/v1/admin/sandbox/world").token(fixtures.adminToken()).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static Map<String, String> memberships() {
    Api.Reply reply =
        api.get("/api/v1/admin/sandbox/world/memberships").token(fixtures.adminToken()).send();
    assertEquals(200, reply.status(), reply::toString);
    Map<String, String> all = new java.util.HashMap<>();
    reply
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .forEach(
            m ->
                all.put(
                    m.getString("sender") + " " + m.getString("chat"), m.getString("membership")));
    return all;
  }
}
