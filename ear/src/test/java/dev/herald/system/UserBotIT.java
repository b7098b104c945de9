package dev.herald.system;

import static dev.herald.system.Admins.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's own user bot: the token is encrypted at rest and never returned; admins suspend and
 * limit it.
 */
class UserBotIT extends TenantSystemTest {

  static String admin;

  @BeforeAll
  static void start() {
    admin = Admins.newAdminToken(system);
  }

  static String botToken() {
    long botId = ThreadLocalRandom.current().nextLong(100_000, 9_999_999_999L);
    return botId
        + ":AAH"
        + String.format("%016x", ThreadLocalRandom.current().nextLong())
        + "secretPartOfTheToken_xyz";
  }

  private static String storedCiphertext(long accountId) throws SQLException {
    try (Connection c = system.database().connect();
        PreparedStatement s =
            c.prepareStatement("SELECT token_encrypted FROM user_bot WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  @Test
  void tokenIsEncryptedAtRestAndNeverReturned() throws SQLException {
    String tenant = tokens.tenant(Tokens.newSubject("userbot"));
    long id = Admins.register(api, tenant);
    String secret = botToken();
    String botId = secret.substring(0, secret.indexOf(':'));

    Api.Reply created =
        api.post("/api/v1/user-bot", JsonBody.of("token", secret)).token(tenant).send();
    assertEquals(201, created.status(), created::toString);
    assertEquals(botId + ":***", created.json().getString("token_masked"));
    assertEquals("PENDING", created.json().getString("status"));
    assertFalse(created.json().getBoolean("verified"));

    String secretPart = secret.substring(secret.indexOf(':') + 1);
    for (Api.Reply reply :
        List.of(
            created,
            api.get("/api/v1/user-bot").token(tenant).send(),
            api.get("/api/v1/admin/bots?limit=200").token(admin).send())) {
      assertFalse(reply.body().contains(secretPart), "the token must never be returned: " + reply);
    }
    String stored = storedCiphertext(id);
    assertTrue(stored.startsWith("v1:"), stored);
    assertFalse(stored.contains(secretPart));

    api.patch("/api/v1/user-bot", JsonBody.of("token", secret)).token(tenant).send();
    assertNotEquals(
        stored, storedCiphertext(id), "a fresh nonce: the same token encrypts differently");
  }

  @Test
  void verifyChecksTheTokenThroughTheGatewayAndATokenChangeUnverifies() {
    String tenant = tokens.tenant(Tokens.newSubject("verify"));
    String secret = botToken();
    long botId = Long.parseLong(secret.substring(0, secret.indexOf(':')));
    api.post("/api/v1/user-bot", JsonBody.of("token", secret)).token(tenant).send();

    Api.Reply verified =
        api.post("/api/v1/user-bot/verify", JsonBody.of("test_chat", "@herald_test"))
            .token(tenant)
            .send();
    assertEquals(200, verified.status(), verified::toString);
    JsonObject bot = verified.json();
    assertTrue(bot.getBoolean("verified"));
    assertEquals("ACTIVE", bot.getString("status"));
    assertEquals(botId, bot.getJsonNumber("bot_id").longValue());
    assertTrue(bot.getString("username").contains(Long.toString(botId)));

    JsonObject changed =
        api.patch("/api/v1/user-bot", JsonBody.of("token", botToken())).token(tenant).send().json();
    assertFalse(changed.getBoolean("verified"));
    assertEquals("PENDING", changed.getString("status"));
  }

  @Test
  void badInputIs400AndASecondUserBotIs409() {
    String tenant = tokens.tenant(Tokens.newSubject("bad"));
    assertProblem(
        api.post("/api/v1/user-bot", JsonBody.of("token", "not-a-token")).token(tenant).send(),
        400,
        "invalid-input");
    assertProblem(api.post("/api/v1/user-bot", "{}").token(tenant).send(), 400, "invalid-input");
    assertProblem(api.get("/api/v1/user-bot").token(tenant).send(), 404, "not-found");
    assertEquals(
        201,
        api.post("/api/v1/user-bot", JsonBody.of("token", botToken()))
            .token(tenant)
            .send()
            .status());
    assertProblem(
        api.post("/api/v1/user-bot", JsonBody.of("token", botToken())).token(tenant).send(),
        409,
        "user-bot-exists");
    assertProblem(
        api.post("/api/v1/user-bot/verify", JsonBody.of("test_chat", "not a chat!"))
            .token(tenant)
            .send(),
        400,
        "invalid-input");
  }

  @Test
  void aTamperedStoredTokenFailsClosed() throws SQLException {
    String tenant = tokens.tenant(Tokens.newSubject("tampered"));
    long id = Admins.register(api, tenant);
    String secret = botToken();
    api.post("/api/v1/user-bot", JsonBody.of("token", secret)).token(tenant).send();
    String stored = storedCiphertext(id);
    // A base64 character in the middle of the payload: all six of its bits are data. (Near the end,
    // before "==" padding, only two are, and 'A' -> 'B' changed nothing: the test then failed.)
    int at = stored.length() / 2 + stored.lastIndexOf(':') / 2;
    char was = stored.charAt(at);
    String tampered = stored.substring(0, at) + (was == 'A' ? 'z' : 'A') + stored.substring(at + 1);
    try (Connection c = system.database().connect();
        PreparedStatement s =
            c.prepareStatement("UPDATE user_bot SET token_encrypted = ? WHERE account_id = ?")) {
      s.setString(1, tampered);
      s.setLong(2, id);
      assertEquals(1, s.executeUpdate());
    }
    Api.Reply reply = api.post("/api/v1/user-bot/verify", "{}").token(tenant).send();
    assertProblem(reply, 500, "internal-error");
    assertFalse(reply.body().contains(secret.substring(secret.indexOf(':') + 1)));
    assertFalse(api.get("/api/v1/user-bot").token(tenant).send().json().getBoolean("verified"));
  }

  @Test
  void verifyWithoutABodyIsNeverA500() {
    String tenant = tokens.tenant(Tokens.newSubject("nobody"));
    api.post("/api/v1/user-bot", JsonBody.of("token", botToken())).token(tenant).send();
    Api.Reply reply = api.post("/api/v1/user-bot/verify", "").token(tenant).send();
    assertTrue(reply.status() < 500, reply::toString);
  }

  @Test
  void deleteRemovesTheUserBotAndItsToken() throws SQLException {
    String tenant = tokens.tenant(Tokens.newSubject("delete"));
    long id = Admins.register(api, tenant);
    api.post("/api/v1/user-bot", JsonBody.of("token", botToken())).token(tenant).send();
    assertEquals(204, api.delete("/api/v1/user-bot").token(tenant).send().status());
    assertProblem(api.get("/api/v1/user-bot").token(tenant).send(), 404, "not-found");
    assertEquals(null, storedCiphertext(id));
  }

  @Test
  void adminSuspendsActivatesAndLimitsATenantsBots() {
    String tenant = tokens.tenant(Tokens.newSubject("suspended"));
    long id = Admins.register(api, tenant);
    api.post("/api/v1/user-bot", JsonBody.of("token", botToken())).token(tenant).send();
    api.post("/api/v1/user-bot/verify", "{}").token(tenant).send();

    assertProblem(
        api.post("/api/v1/admin/bots/" + id + "/suspend", "{}").token(admin).send(),
        400,
        "invalid-input");
    JsonObject suspended =
        api.post("/api/v1/admin/bots/" + id + "/suspend", JsonBody.of("reason", "spam reports"))
            .token(admin)
            .send()
            .json();
    assertEquals("SUSPENDED", suspended.getString("status"));
    assertEquals("ADMIN_SUSPENDED", suspended.getString("stop_reason"));
    assertEquals("SUSPENDED", suspended.getJsonObject("user_bot").getString("status"));
    assertEquals(
        "spam reports", suspended.getJsonObject("user_bot").getString("suspension_reason"));
    JsonObject seenByTenant = api.get("/api/v1/user-bot").token(tenant).send().json();
    assertEquals("SUSPENDED", seenByTenant.getString("status"));
    assertEquals(
        "SUSPENDED", api.get("/api/v1/bot/state").token(tenant).send().json().getString("status"));
    // Verifying again does not lift an admin suspension.
    assertEquals(
        "SUSPENDED",
        api.post("/api/v1/user-bot/verify", "{}").token(tenant).send().json().getString("status"));

    JsonObject limited =
        api.put(
                "/api/v1/admin/bots/" + id + "/rate-limits",
                JsonBody.of("rate_limit_rps", 5, "max_concurrent_requests", 3))
            .token(admin)
            .send()
            .json();
    assertEquals(5, limited.getJsonObject("user_bot").getInt("rate_limit_rps"));
    assertProblem(
        api.put("/api/v1/admin/bots/" + id + "/rate-limits", JsonBody.of("rate_limit_rps", 0))
            .token(admin)
            .send(),
        400,
        "invalid-input");

    JsonObject active =
        api.post("/api/v1/admin/bots/" + id + "/activate", "").token(admin).send().json();
    assertEquals("STOPPED", active.getString("status"));
    assertFalse(active.containsKey("stop_reason"));
    assertEquals("ACTIVE", active.getJsonObject("user_bot").getString("status"));
  }

  @Test
  void adminListsBotsByStatusPageByPage() {
    for (int i = 0; i < 3; i++) {
      long id = Admins.register(api, tokens.tenant(Tokens.newSubject("listed")));
      api.post("/api/v1/admin/bots/" + id + "/suspend", JsonBody.of("reason", "listed"))
          .token(admin)
          .send();
    }
    JsonObject first =
        api.get("/api/v1/admin/bots?status=suspended&limit=2").token(admin).send().json();
    assertEquals(2, first.getJsonArray("items").size());
    JsonObject second =
        api.get(
                "/api/v1/admin/bots?status=SUSPENDED&limit=2&cursor="
                    + first.getString("next_cursor"))
            .token(admin)
            .send()
            .json();
    Set<Long> firstIds =
        first.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(b -> b.getJsonNumber("account_id").longValue())
            .collect(Collectors.toSet());
    for (JsonObject bot : second.getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertFalse(firstIds.contains(bot.getJsonNumber("account_id").longValue()));
      assertEquals("SUSPENDED", bot.getString("status"));
    }
    assertProblem(
        api.get("/api/v1/admin/bots?status=FLYING").token(admin).send(), 400, "invalid-input");
    assertProblem(
        api.get("/api/v1/admin/bots?limit=1000").token(admin).send(), 400, "invalid-input");
  }

  @Test
  void adminDeletesATenantsBotAndUserBot() throws SQLException {
    String tenant = tokens.tenant(Tokens.newSubject("deleted"));
    long id = Admins.register(api, tenant);
    api.put("/api/v1/bot/config", JsonBody.of("post_text", "to be deleted")).token(tenant).send();
    api.post("/api/v1/user-bot", JsonBody.of("token", botToken())).token(tenant).send();
    assertEquals(204, api.delete("/api/v1/admin/bots/" + id).token(admin).send().status());
    assertProblem(api.delete("/api/v1/admin/bots/" + id).token(admin).send(), 404, "not-found");
    assertEquals(null, storedCiphertext(id));
    assertProblem(api.get("/api/v1/user-bot").token(tenant).send(), 404, "not-found");
    // The tenant starts again from an empty configuration.
    assertFalse(api.get("/api/v1/bot/config").token(tenant).send().json().containsKey("post_text"));
  }
}
