package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One API style (issue 12): every list pages the same way, reads create no rows, reasons travel in
 * bodies, every admin endpoint checks the stored account, browsers may read the rate-limit headers,
 * audit actions have one naming style.
 */
class ApiConsistencyIT extends TenantSystemTest {

  private static final String DEV_ORIGIN = "http://localhost:3000";

  /** The admin lists of the API; {@code /bot/logs} is the tenant's. */
  private static final List<String> ADMIN_LISTS =
      List.of(
          "/api/v1/admin/accounts",
          "/api/v1/admin/audit-log",
          "/api/v1/admin/bots",
          "/api/v1/admin/api-pairs",
          "/api/v1/admin/sessions");

  private static String admin;
  private static String tenant;

  @BeforeAll
  static void seed() {
    admin = fixtures.adminToken();
    long pair = fixtures.apiPair(7);
    fixtures.session(pair);
    fixtures.session(fixtures.apiPair(7));
    for (int i = 0; i < 2; i++) {
      long id = Admins.register(api, tokens.tenant(Tokens.newSubject("listed")));
      api.post("/api/v1/admin/bots/" + id + "/suspend", JsonBody.of("reason", "listed"))
          .token(admin)
          .send();
    }
    tenant = tokens.tenant(Tokens.newSubject("consistent"));
    Admins.register(api, tenant);
  }

  @Test
  void everyListPagesByCursorIntoItemsAndNextCursor() {
    for (String list : ADMIN_LISTS) {
      Api.Reply first = api.get(list + "?limit=1").token(admin).send();
      assertEquals(200, first.status(), first::toString);
      JsonObject page = first.json();
      assertEquals(Set.of("items", "next_cursor"), page.keySet(), list);
      assertEquals(1, page.getJsonArray("items").size(), list);
      String cursor = page.getString("next_cursor");
      JsonObject second = api.get(list + "?limit=1&cursor=" + cursor).token(admin).send().json();
      assertEquals(1, second.getJsonArray("items").size(), list);
      assertFalse(
          firstItem(page).equals(firstItem(second)), list + ": the next page repeats the first");
    }
  }

  @Test
  void theLastPageSaysSoWithANullNextCursor() {
    JsonObject logs = api.get("/api/v1/bot/logs").token(tenant).send().json();
    assertEquals(0, logs.getJsonArray("items").size(), logs::toString);
    assertEquals(JsonValue.NULL, logs.get("next_cursor"), logs::toString);
    JsonObject deliveries = api.get("/api/v1/bot/deliveries").token(tenant).send().json();
    assertEquals(Set.of("items", "next_cursor"), deliveries.keySet(), deliveries::toString);
    assertEquals(JsonValue.NULL, deliveries.get("next_cursor"), deliveries::toString);
    JsonObject targets = api.get("/api/v1/bot/targets").token(tenant).send().json();
    assertEquals(Set.of("items", "next_cursor"), targets.keySet(), targets::toString);
    assertEquals(JsonValue.NULL, targets.get("next_cursor"), targets::toString);
    JsonObject sync = api.get("/api/v1/sync/state").token(tenant).send().json();
    assertEquals(JsonValue.NULL, sync.getJsonObject("recent_logs").get("next_cursor"));
  }

  @Test
  void walkingTheAuditLogByCursorNeverRepeatsAnEntry() {
    Set<String> seen = new HashSet<>();
    String cursor = "";
    for (int page = 0; page < 3; page++) {
      JsonObject reply =
          api.get("/api/v1/admin/audit-log?limit=2&cursor=" + cursor).token(admin).send().json();
      for (JsonObject entry : reply.getJsonArray("items").getValuesAs(JsonObject.class)) {
        assertTrue(seen.add(entry.get("id").toString()), "repeated: " + entry);
      }
      cursor = reply.getString("next_cursor");
    }
    assertEquals(6, seen.size());
  }

  @Test
  void aBadCursorOrLimitIsA400NamingTheParameter() {
    for (String list : listsWithTokens()) {
      String path = list.substring(list.indexOf(' ') + 1);
      String token = list.startsWith("tenant") ? tenant : admin;
      assertNamesField(api.get(path + "?cursor=not*a*cursor").token(token).send(), "cursor");
      assertNamesField(api.get(path + "?cursor=LTE").token(token).send(), "cursor");
      assertNamesField(api.get(path + "?limit=0").token(token).send(), "limit");
      assertNamesField(api.get(path + "?limit=201").token(token).send(), "limit");
      assertNamesField(api.get(path + "?limit=ten").token(token).send(), "limit");
    }
  }

  @Test
  void readingTheBotConfigOrTheDashboardCreatesNoBotRow() {
    String reader = tokens.tenant(Tokens.newSubject("reader"));
    long id = Admins.register(api, reader);
    Api.Reply config = api.get("/api/v1/bot/config").token(reader).send();
    assertEquals(200, config.status(), config::toString);
    assertEquals(0, config.json().getJsonArray("target_groups").size());
    Api.Reply sync = api.get("/api/v1/sync/state").token(reader).send();
    assertEquals(200, sync.status(), sync::toString);
    assertEquals("STOPPED", sync.json().getJsonObject("state").getString("status"));
    assertEquals(0, fixtures.count("SELECT count(*) FROM bot WHERE account_id = ?", id));
  }

  @Test
  void aSessionBanTakesItsReasonFromTheBody() {
    long session = fixtures.session(fixtures.apiPair(7));
    Api.Reply banned =
        api.post(
                "/api/v1/admin/sessions/" + session + "/ban", JsonBody.of("reason", "spam reports"))
            .token(admin)
            .send();
    assertEquals(200, banned.status(), banned::toString);
    assertEquals("BANNED", banned.json().getString("state"));
    assertEquals("spam reports", banned.json().getString("ban_reason"));
    JsonObject newest =
        api.get("/api/v1/admin/audit-log?limit=1")
            .token(admin)
            .send()
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertEquals("SESSION_BANNED", newest.getString("action"));
    assertEquals("reason=spam reports", newest.getString("details"));

    Api.Reply tooLong =
        api.post(
                "/api/v1/admin/sessions/" + session + "/ban",
                JsonBody.of("reason", "x".repeat(201)))
            .token(admin)
            .send();
    assertNamesField(tooLong, "reason");
  }

  @Test
  void everyAdminEndpointRefusesAnAdminTokenOfAUserAccount() {
    String userWithAdminToken =
        tokens.tenant(
            Tokens.newSubject("self-made"), c -> c.setStringListClaim("groups", List.of("ADMIN")));
    Admins.register(api, userWithAdminToken);
    List<Api.Request> requests =
        List.of(
            api.get("/api/v1/admin/api-pairs"),
            api.post("/api/v1/admin/api-pairs", JsonBody.of("api_id", 1, "api_hash", "x")),
            api.get("/api/v1/admin/sessions"),
            api.post("/api/v1/admin/sessions/1/ban", JsonBody.of("reason", "x")),
            api.post("/api/v1/admin/sessions/1/release", ""),
            api.get("/api/v1/admin/sandbox/faults"),
            api.get("/api/v1/admin/sandbox/sent?chat=%40herald_demo"),
            api.get("/api/v1/admin/sandbox/world/chat?ref=@sandbox_lounge"),
            api.get("/api/v1/admin/accounts/1"),
            api.get("/api/v1/admin/audit-log"),
            api.get("/api/v1/admin/bots"));
    for (Api.Request request : requests) {
      Admins.assertProblem(request.token(userWithAdminToken).send(), 403, "admin-required");
    }
  }

  @Test
  void browsersMayReadTheRateLimitHeadersAndTheRequestId() {
    Api.Reply reply =
        api.get("/api/v1/bot/state").token(tenant).header("Origin", DEV_ORIGIN).send();
    assertEquals(200, reply.status(), reply::toString);
    Set<String> exposed = new HashSet<>();
    for (String name : reply.header("Access-Control-Expose-Headers").split(",")) {
      exposed.add(name.strip().toLowerCase(Locale.ROOT));
    }
    for (String name :
        List.of(
            "X-Request-Id",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "Retry-After")) {
      assertTrue(
          exposed.contains(name.toLowerCase(Locale.ROOT)), name + " not exposed: " + exposed);
    }
    for (String sent : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
      assertTrue(reply.header(sent) != null, sent + " is exposed but not sent: " + reply);
    }
  }

  @Test
  void auditActionsHaveOneNamingStyle() {
    JsonObject page = api.get("/api/v1/admin/audit-log?limit=200").token(admin).send().json();
    for (JsonObject entry : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertTrue(entry.getString("action").matches("[A-Z]+(_[A-Z]+)*"), entry::toString);
    }
  }

  private static List<String> listsWithTokens() {
    List<String> all = new ArrayList<>();
    all.add("tenant /api/v1/bot/logs");
    all.add("tenant /api/v1/bot/deliveries");
    all.add("tenant /api/v1/bot/targets");
    for (String list : ADMIN_LISTS) {
      all.add("admin " + list);
    }
    return all;
  }

  private static String firstItem(JsonObject page) {
    return page.getJsonArray("items").getJsonObject(0).toString();
  }

  private static void assertNamesField(Api.Reply reply, String field) {
    Admins.assertProblem(reply, 400, "invalid-input");
    assertEquals(
        field,
        reply.json().getJsonArray("errors").getJsonObject(0).getString("field"),
        reply::toString);
  }
}
