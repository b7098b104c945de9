package dev.herald.system;

import static dev.herald.system.Admins.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC rule 2: admin endpoints need ADMIN or OWNER in the token and in the account record. */
class AdminAccessIT extends TenantSystemTest {

  private static final JsonObject ACTIVE = JsonBody.object("status", "ACTIVE");

  static String owner;

  @BeforeAll
  static void start() {
    owner = Admins.ownerToken(system);
  }

  private static List<Api.Request> adminRequests(String token, long target) {
    return List.of(
        api.get("/api/v1/admin/audit-log").token(token),
        api.post(
                "/api/v1/admin/accounts",
                Admins.accountBody(Admins.newEmail("x"), "ADMIN", "long-enough-password", ACTIVE))
            .token(token),
        api.put("/api/v1/admin/accounts/" + target + "/plan", JsonBody.of("status", "ACTIVE"))
            .token(token),
        api.post("/api/v1/admin/access-codes", JsonBody.of("plan", ACTIVE)).token(token),
        api.get("/api/v1/admin/bots").token(token),
        api.get("/api/v1/admin/bots/" + target).token(token),
        api.post("/api/v1/admin/bots/" + target + "/suspend", JsonBody.of("reason", "x"))
            .token(token),
        api.post("/api/v1/admin/bots/" + target + "/activate", "").token(token),
        api.put(
                "/api/v1/admin/bots/" + target + "/rate-limits",
                JsonBody.of("rate_limit_rps", 2, "max_concurrent_requests", 2))
            .token(token),
        api.delete("/api/v1/admin/bots/" + target).token(token));
  }

  private static long newestAuditId() {
    return api.get("/api/v1/admin/audit-log?limit=1")
        .token(owner)
        .send()
        .json()
        .getJsonArray("items")
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }

  @Test
  void adminEndpointNeedsAdminRoleInTokenAndAccount() {
    String victimToken = tokens.tenant(Tokens.newSubject("victim"));
    long victim = Admins.register(api, victimToken);
    api.put("/api/v1/bot/config", JsonBody.of("post_text", "victim's")).token(victimToken).send();
    long auditBefore = newestAuditId();
    // The token says ADMIN, the stored account (created on first contact) says USER.
    String forged =
        tokens.tenant(
            Tokens.newSubject("self-made-admin"),
            c -> c.setStringListClaim("groups", List.of("ADMIN")));
    for (Api.Request request : adminRequests(forged, victim)) {
      assertProblem(request.send(), 403, "admin-required");
    }
    assertEquals(auditBefore, newestAuditId(), "a refused admin request must write nothing");
    assertEquals(
        "STOPPED",
        api.get("/api/v1/bot/state").token(victimToken).send().json().getString("status"));
  }

  @Test
  void adminAccountWithAUserTokenIsRefused() {
    String email = Admins.newEmail("demoted");
    JsonObject admin = Admins.createAccount(api, owner, email, "ADMIN", "admin-password-123");
    String userToken = tokens.tenant(admin.getString("subject"));
    for (Api.Request request : adminRequests(userToken, admin.getJsonNumber("id").longValue())) {
      Api.Reply reply = request.send();
      assertEquals(403, reply.status(), reply::toString);
      assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
    }
  }

  @Test
  void requestWithoutATokenIs401() {
    assertEquals(401, api.get("/api/v1/admin/audit-log").send().status());
    assertEquals(401, api.get("/api/v1/admin/bots").header("X-User-Id", "1").send().status());
  }

  @Test
  void anAdminCreatedByTheOwnerCanLogInAndAdminister() {
    String email = Admins.newEmail("admin");
    JsonObject created = Admins.createAccount(api, owner, email, "ADMIN", "admin-password-456");
    assertEquals("ADMIN", created.getString("role"));
    assertEquals("ACTIVE", created.getJsonObject("plan").getString("status"));
    assertEquals(3, created.getJsonObject("plan").getJsonObject("limits").getInt("max_sessions"));
    String token = Admins.login(api, email, "admin-password-456");
    assertEquals(200, api.get("/api/v1/admin/bots").token(token).send().status());
  }

  @Test
  void onlyAnOwnerMayCreateAnOwner() {
    String admin = Admins.newAdminToken(system);
    String body = Admins.accountBody(Admins.newEmail("owner"), "OWNER", "owner-password-1", ACTIVE);
    assertProblem(
        api.post("/api/v1/admin/accounts", body).token(admin).send(), 403, "owner-required");
  }

  @Test
  void createAccountRejectsBadInputNamingEachFieldAndDuplicatesWith409() {
    Api.Reply bad =
        api.post(
                "/api/v1/admin/accounts",
                JsonBody.of(
                    "email",
                    "not-an-email",
                    "role",
                    "USER",
                    "password",
                    "short",
                    "plan",
                    JsonBody.object("status", "ACTIVE")))
            .token(owner)
            .send();
    assertProblem(bad, 400, "invalid-input");
    Set<String> fields =
        bad.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .collect(Collectors.toSet());
    assertEquals(Set.of("email", "password"), fields);

    Api.Reply badPlan =
        api.post(
                "/api/v1/admin/accounts",
                Admins.accountBody(
                    Admins.newEmail("p"),
                    "KING",
                    "long-enough-password",
                    JsonBody.object(
                        "status", "GOLD", "limits", JsonBody.object("max_sessions", 99))))
            .token(owner)
            .send();
    assertProblem(badPlan, 400, "invalid-input");

    String email = Admins.newEmail("dup");
    Admins.createAccount(api, owner, email, "USER", "user-password-123");
    Api.Reply dup =
        api.post(
                "/api/v1/admin/accounts",
                Admins.accountBody(email.toUpperCase(), "USER", "user-password-123", ACTIVE))
            .token(owner)
            .send();
    assertProblem(dup, 409, "email-taken");
  }

  @Test
  void unknownAccountIs404Problem() {
    assertProblem(
        api.put("/api/v1/admin/accounts/999999999/plan", JsonBody.of("status", "ACTIVE"))
            .token(owner)
            .send(),
        404,
        "not-found");
    assertProblem(
        api.post("/api/v1/admin/bots/999999999/suspend", JsonBody.of("reason", "x"))
            .token(owner)
            .send(),
        404,
        "not-found");
  }
}
