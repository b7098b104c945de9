package dev.herald.system;

import static dev.herald.system.Admins.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every admin mutation writes one audit row (actor, target, action, details, request id, time). */
class AuditLogIT extends TenantSystemTest {

  static String admin;
  static long adminId;

  @BeforeAll
  static void start() {
    admin = Admins.newAdminToken(system);
    adminId = Admins.register(api, admin);
  }

  private static JsonObject newest() {
    return api.get("/api/v1/admin/audit-log?limit=1")
        .token(admin)
        .send()
        .json()
        .getJsonArray("items")
        .getJsonObject(0);
  }

  private static void assertAudited(
      Api.Request request, int status, String action, String targetId) {
    String requestId = "audit-" + UUID.randomUUID();
    Api.Reply reply = request.header("X-Request-Id", requestId).send();
    assertEquals(status, reply.status(), reply::toString);
    JsonObject entry = newest();
    assertEquals(action, entry.getString("action"), entry::toString);
    assertEquals(adminId, entry.getJsonNumber("actor_account_id").longValue());
    assertEquals(targetId, entry.getString("target_id"), entry::toString);
    assertEquals(requestId, entry.getString("request_id"));
    assertNotNull(entry.getString("created_at"));
  }

  @Test
  void everyAdminMutationIsAudited() {
    String tenant = tokens.tenant(Tokens.newSubject("audited"));
    long id = Admins.register(api, tenant);
    String target = Long.toString(id);
    api.post(
            "/api/v1/user-bot",
            JsonBody.of("token", "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ"))
        .token(tenant)
        .send();

    assertAudited(
        api.put("/api/v1/admin/accounts/" + id + "/plan", JsonBody.of("status", "TRIAL"))
            .token(admin),
        200,
        "ACCOUNT_PLAN_SET",
        target);
    assertAudited(
        api.post("/api/v1/admin/bots/" + id + "/suspend", JsonBody.of("reason", "spam reports"))
            .token(admin),
        200,
        "BOT_SUSPENDED",
        target);
    assertTrue(newest().getString("details").contains("spam reports"));
    assertAudited(
        api.post("/api/v1/admin/bots/" + id + "/activate", "").token(admin),
        200,
        "BOT_ACTIVATED",
        target);
    assertAudited(
        api.put(
                "/api/v1/admin/bots/" + id + "/rate-limits",
                JsonBody.of("rate_limit_rps", 5, "max_concurrent_requests", 3))
            .token(admin),
        200,
        "USER_BOT_RATE_LIMITS_SET",
        target);
    assertAudited(api.delete("/api/v1/admin/bots/" + id).token(admin), 204, "BOT_DELETED", target);
  }

  @Test
  void accessCodeCreationIsAuditedWithoutTheCodes() {
    Api.Reply created =
        api.post(
                "/api/v1/admin/access-codes",
                JsonBody.of("count", 2, "plan", JsonBody.object("status", "TRIAL")))
            .token(admin)
            .send();
    assertEquals(201, created.status(), created::toString);
    JsonObject entry = newest();
    assertEquals("ACCESS_CODES_CREATED", entry.getString("action"));
    for (var code : created.json().getJsonArray("codes").getValuesAs(JsonString.class)) {
      assertTrue(
          !entry.toString().contains(code.getString()), "the audit row must not hold a code");
    }
  }

  @Test
  void createAccountIsAuditedWithoutThePassword() {
    String email = Admins.newEmail("audit-create");
    JsonObject created = Admins.createAccount(api, admin, email, "USER", "secret-password-77");
    JsonObject entry = newest();
    assertEquals("ACCOUNT_CREATED", entry.getString("action"));
    assertEquals(
        Long.toString(created.getJsonNumber("id").longValue()), entry.getString("target_id"));
    assertTrue(entry.getString("details").contains(email));
    assertTrue(!entry.toString().contains("secret-password-77"));
  }

  @Test
  void auditLogPagesNewestFirstByCursor() {
    for (int i = 0; i < 3; i++) {
      Admins.createAccount(api, admin, Admins.newEmail("page"), "USER", "page-password-123");
    }
    JsonObject first = api.get("/api/v1/admin/audit-log?limit=2").token(admin).send().json();
    List<JsonObject> entries = first.getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(2, entries.size());
    long a = entries.get(0).getJsonNumber("id").longValue();
    long b = entries.get(1).getJsonNumber("id").longValue();
    assertTrue(a > b, "newest first");
    String next = first.getString("next_cursor");
    JsonObject second =
        api.get("/api/v1/admin/audit-log?limit=2&cursor=" + next).token(admin).send().json();
    assertTrue(second.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue() < b);
  }

  @Test
  void auditLogNeedsAnAdmin() {
    assertProblem(
        api.get("/api/v1/admin/audit-log")
            .token(
                tokens.tenant(
                    Tokens.newSubject("nosy"),
                    c -> c.setStringListClaim("groups", List.of("OWNER"))))
            .send(),
        403,
        "admin-required");
  }
}
