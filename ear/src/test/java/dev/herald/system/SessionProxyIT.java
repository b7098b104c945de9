package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 4 through the admin API: a proxy on a session or an API pair is stored with its
 * secret sealed, shown with {@code has_secret} and never the secret, refused with a 400 naming the
 * field when TDLib could not use it, and audited on set and clear.
 */
class SessionProxyIT extends TenantSystemTest {

  private static final String PASSWORD = "proxy-pass-" + System.nanoTime();

  @Test
  void aSessionsProxyIsStoredSealedAndShownWithoutItsSecret() {
    long session = fixtures.session(fixtures.apiPair(7));

    JsonObject proxy =
        setProxy(
            "sessions/" + session,
            JsonBody.of(
                "type", "socks5",
                "server", "proxy.example.net",
                "port", 1080,
                "username", "alice",
                "secret", PASSWORD),
            PASSWORD);
    assertEquals("SOCKS5", proxy.getString("type"));
    assertEquals("proxy.example.net", proxy.getString("server"));
    assertEquals(1080, proxy.getInt("port"));
    assertEquals("alice", proxy.getString("username"));
    assertTrue(proxy.getBoolean("has_secret"));
    String sealed =
        fixtures.string(
            "SELECT proxy_secret_encrypted FROM telegram_session WHERE id = ?", session);
    assertNotNull(sealed);
    assertFalse(sealed.contains(PASSWORD), "the secret is sealed at rest");
    String listed = SessionWarmupIT.listed(session).toString();
    assertTrue(listed.contains("proxy.example.net"), listed);
    assertFalse(listed.contains(PASSWORD));
    assertEquals(
        "type=SOCKS5 server=proxy.example.net port=1080 username=alice has_secret=true",
        audit("SESSION_PROXY_SET", session));

    clearProxy("sessions/" + session);
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE id = ? AND proxy_type IS NOT NULL",
            session));
    assertEquals(1, audits("SESSION_PROXY_CLEARED", session));
  }

  @Test
  void anApiPairsMtprotoProxyIsSetAndCleared() {
    long pair = fixtures.apiPair(7);
    String secret = "ee" + "0123456789abcdef".repeat(2) + "676f6f676c652e636f6d";

    JsonObject proxy =
        setProxy(
            "api-pairs/" + pair,
            JsonBody.of("type", "MTPROTO", "server", "203.0.113.9", "port", 443, "secret", secret),
            secret);
    assertEquals("MTPROTO", proxy.getString("type"));
    assertTrue(proxy.getBoolean("has_secret"));
    assertEquals(
        "type=MTPROTO server=203.0.113.9 port=443 has_secret=true",
        audit("API_PAIR_PROXY_SET", pair));

    clearProxy("api-pairs/" + pair);
    assertEquals(1, audits("API_PAIR_PROXY_CLEARED", pair));
  }

  @Test
  void badProxiesAreRefusedWithTheFieldNamed() {
    long session = fixtures.session(fixtures.apiPair(7));
    assertRefused(session, JsonBody.of("type", "SOCKS4", "server", "h.example", "port", 1), "type");
    assertRefused(session, JsonBody.of("type", "HTTP", "server", "h.example", "port", 0), "port");
    assertRefused(
        session, JsonBody.of("type", "HTTP", "server", "h.example", "port", 70000), "port");
    assertRefused(
        session, JsonBody.of("type", "HTTP", "server", "http://h.example/", "port", 80), "server");
    assertRefused(
        session,
        JsonBody.of("type", "MTPROTO", "server", "h.example", "port", 443, "secret", "not-hex"),
        "secret");
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE id = ? AND proxy_type IS NOT NULL",
            session));
    Api.Reply unknown =
        api.put(
                "/api/v1/admin/sessions/999999999/proxy",
                JsonBody.of("type", "HTTP", "server", "h.example", "port", 80))
            .token(fixtures.adminToken())
            .send();
    Admins.assertProblem(unknown, 404, "not-found");
  }

  private static void assertRefused(long session, String body, String field) {
    Api.Reply reply =
        api.put("/api/v1/admin/sessions/" + session + "/proxy", body)
            .token(fixtures.adminToken())
            .send();
    Admins.assertProblem(reply, 400, "invalid-input");
    Admins.assertFieldRefused(reply, field);
  }

  /**
   * Sets the proxy of the admin resource {@code target} ("sessions/12") to {@code body}, asserting
   * that it was accepted and its {@code secret} never echoed; the proxy as shown.
   */
  private static JsonObject setProxy(String target, String body, String secret) {
    Api.Reply set =
        api.put("/api/v1/admin/" + target + "/proxy", body).token(fixtures.adminToken()).send();
    assertEquals(200, set.status(), set::toString);
    assertFalse(set.body().contains(secret), "the secret is never echoed");
    return set.json().getJsonObject("proxy");
  }

  /**
   * Clears the proxy of {@code target}, asserting that the resource is then shown without one
   * (JSON-B leaves null fields out: an absent or null {@code proxy}).
   */
  private static void clearProxy(String target) {
    Api.Reply cleared =
        api.delete("/api/v1/admin/" + target + "/proxy").token(fixtures.adminToken()).send();
    assertEquals(200, cleared.status(), cleared::toString);
    JsonValue proxy = cleared.json().get("proxy");
    assertTrue(proxy == null || proxy == JsonValue.NULL, cleared::toString);
  }

  private static long audits(String action, long target) {
    return fixtures.count(
        "SELECT count(*) FROM audit_log WHERE action = ? AND target_id = ?",
        action,
        Long.toString(target));
  }

  private static String audit(String action, long target) {
    return fixtures.string(
        "SELECT details FROM audit_log WHERE action = ? AND target_id = ? ORDER BY id DESC"
            + " LIMIT 1",
        action,
        Long.toString(target));
  }
}
