package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * Admin helpers for the system tests: the bootstrap owner's token, accounts created through the
 * API.
 */
final class Admins {

  static final String ACTIVE_PLAN = "{\"status\":\"ACTIVE\",\"limits\":{\"max_sessions\":3}}";

  private Admins() {}

  static String ownerToken(SystemUnderTest system) {
    String body =
        "{\"email\":\"admin@herald.local\",\"password\":\"" + system.adminPassword() + "\"}";
    Api.Reply login = system.api().post("/api/v1/auth/login", body).send();
    assertEquals(200, login.status(), login::toString);
    return login.json().getString("access_token");
  }

  static String newEmail(String label) {
    return label + "-" + UUID.randomUUID() + "@example.com";
  }

  /** Creates an account through {@code POST /admin/accounts} and returns the created view. */
  static JsonObject createAccount(
      Api api, String adminToken, String email, String role, String password) {
    String body =
        "{\"email\":\""
            + email
            + "\",\"role\":\""
            + role
            + "\",\"password\":\""
            + password
            + "\",\"plan\":"
            + ACTIVE_PLAN
            + "}";
    Api.Reply reply = api.post("/api/v1/admin/accounts", body).token(adminToken).send();
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  static String login(Api api, String email, String password) {
    Api.Reply login =
        api.post(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
            .send();
    assertEquals(200, login.status(), login::toString);
    return login.json().getString("access_token");
  }

  /** A new admin account (ADMIN in the record and, through login, in the token). */
  static String newAdminToken(SystemUnderTest system) {
    String email = newEmail("admin");
    String password = "admin-password-" + UUID.randomUUID();
    createAccount(system.api(), ownerToken(system), email, "ADMIN", password);
    return login(system.api(), email, password);
  }

  static long register(Api api, String token) {
    Api.Reply reply = api.post("/api/v1/account/register", "").token(token).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonNumber("id").longValue();
  }

  static void assertProblem(Api.Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
    assertEquals(
        "https://herald.dev/problems/" + type, reply.json().getString("type"), reply::toString);
  }
}
