package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.launcher.Api;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * Admin helpers for the system tests: the bootstrap owner's token, accounts created through the
 * API.
 */
final class Admins {

  static final JsonObject ACTIVE_PLAN =
      JsonBody.object("status", "ACTIVE", "limits", JsonBody.object("max_sessions", 3));

  /** The bootstrap owner the dev profile creates; its password is in the keys folder. */
  static final String OWNER_EMAIL = "admin@herald.local";

  private Admins() {}

  static String ownerToken(SystemUnderTest system) {
    return login(system.api(), OWNER_EMAIL, system.adminPassword());
  }

  static String newEmail(String label) {
    return label + "-" + UUID.randomUUID() + "@example.com";
  }

  /** Creates an account through {@code POST /admin/accounts} and returns the created view. */
  static JsonObject createAccount(
      Api api, String adminToken, String email, String role, String password) {
    Api.Reply reply =
        api.post("/api/v1/admin/accounts", accountBody(email, role, password, ACTIVE_PLAN))
            .token(adminToken)
            .send();
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  static String login(Api api, String email, String password) {
    Api.Reply login = api.post("/api/v1/auth/login", loginBody(email, password)).send();
    assertEquals(200, login.status(), login::toString);
    return login.json().getString("access_token");
  }

  /** A {@code POST /admin/accounts} body. */
  static String accountBody(String email, String role, String password, JsonObject plan) {
    return JsonBody.of("email", email, "role", role, "password", password, "plan", plan);
  }

  static String loginBody(String email, String password) {
    return JsonBody.of("email", email, "password", password);
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

  /**
   * Asserts that {@code reply} is a 400 whose first error names {@code field}; returns that error,
   * for its {@code message}.
   */
  static JsonObject assertFieldRefused(Api.Reply reply, String field) {
    assertEquals(400, reply.status(), reply::toString);
    JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
    assertEquals(field, error.getString("field"), reply::toString);
    return error;
  }

  static void assertProblem(Api.Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
    assertEquals(
        "https://herald.dev/problems/" + type, reply.json().getString("type"), reply::toString);
  }
}
