package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plans live, not stale: the plan claims of every verified token update the stored plan when newer.
 */
class PlanClaimsIT extends TenantSystemTest {

  static String owner;

  @BeforeAll
  static void start() {
    owner = Admins.ownerToken(SystemUnderTest.get());
  }

  private static String token(
      String subject, String status, Long expiresAt, Long updatedAt, Map<String, Object> limits) {
    return tokens.tenant(
        subject,
        c -> {
          c.setClaim("plan_status", status);
          c.setClaim("plan_expires_at", expiresAt);
          if (updatedAt != null) {
            c.setClaim("plan_updated_at", updatedAt);
          }
          if (limits != null) {
            c.setClaim("plan_limits", limits);
          }
        });
  }

  private static JsonObject stored(long id) {
    Api.Reply reply = api.get("/api/v1/admin/accounts/" + id).token(owner).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  /** The plan status POST /account/register answers for {@code token}. */
  private static String planStatusOnRegister(String token) {
    return api.post("/api/v1/account/register", "")
        .token(token)
        .send()
        .json()
        .getString("plan_status");
  }

  /** GET /bot/state with {@code token}: a request that needs only the account id. */
  private static void readState(String token) {
    Api.Reply state = api.get("/api/v1/bot/state").token(token).send();
    assertEquals(200, state.status(), state::toString);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  @Test
  void tokenPlanClaimsUpdateTheStoredPlanAndItsLimitsApplyAtOnce() {
    String subject = Tokens.newSubject("claims");
    long id = Admins.register(api, tokens.tenant(subject));
    assertEquals("INACTIVE", stored(id).getJsonObject("plan").getString("status"));

    String token =
        token(
            subject,
            "ACTIVE",
            now() + 86_400,
            now(),
            Map.of(
                "max_sessions",
                2,
                "max_groups",
                2,
                "min_delay_between_posts_seconds",
                20,
                "min_delay_between_cycles_seconds",
                600,
                "max_posts_per_day",
                100));
    assertEquals("ACTIVE", planStatusOnRegister(token));
    JsonObject limits = stored(id).getJsonObject("plan").getJsonObject("limits");
    assertEquals(2, limits.getInt("max_sessions"));
    assertEquals(600, limits.getInt("min_delay_between_cycles_seconds"));

    Api.Reply tooMany =
        api.put(
                "/api/v1/bot/config",
                JsonBody.of(
                    "target_groups",
                    List.of("@group_one", "@group_two", "@group_three"),
                    "delay_between_cycles_seconds",
                    600,
                    "delay_between_posts_seconds",
                    20))
            .token(token)
            .send();
    assertEquals(400, tooMany.status(), tooMany::toString);
  }

  @Test
  void olderClaimsNeverOverwriteNewerPlanData() {
    String subject = Tokens.newSubject("older");
    long id = Admins.register(api, tokens.tenant(subject));
    assertEquals(
        200,
        api.put("/api/v1/admin/accounts/" + id + "/plan", JsonBody.of("status", "INACTIVE"))
            .token(owner)
            .send()
            .status());

    String stale = token(subject, "ACTIVE", null, now() - 3_600, null);
    assertEquals("INACTIVE", planStatusOnRegister(stale));

    String newer = token(subject, "TRIAL", null, now() + 5, null);
    assertEquals("TRIAL", planStatusOnRegister(newer));
  }

  /**
   * GET /bot/state needs only the account id, which the node remembers per subject (KnownAccounts);
   * a token with newer plan claims must still update the stored plan there, and a token with older
   * ones must not.
   */
  @Test
  void newerClaimsApplyOnRequestsThatNeedOnlyTheAccountId() {
    String subject = Tokens.newSubject("known");
    long id = Admins.register(api, tokens.tenant(subject));
    long t = now();
    readState(token(subject, "TRIAL", null, t - 60, null));
    assertEquals("TRIAL", stored(id).getJsonObject("plan").getString("status"));

    readState(token(subject, "ACTIVE", null, t - 30, null));
    assertEquals("ACTIVE", stored(id).getJsonObject("plan").getString("status"));

    readState(token(subject, "INACTIVE", null, t - 45, null));
    assertEquals(
        "ACTIVE", stored(id).getJsonObject("plan").getString("status"), "older claims never win");
  }

  @Test
  void claimsWithoutPlanUpdatedAtAreAsOfTheTokensIssuedAt() {
    String subject = Tokens.newSubject("iat");
    long id = Admins.register(api, tokens.tenant(subject));
    api.post("/api/v1/account/register", "")
        .token(token(subject, "TRIAL", null, null, null))
        .send();
    JsonObject account = stored(id);
    assertEquals("TRIAL", account.getJsonObject("plan").getString("status"));
  }

  @Test
  void aPlanWhoseExpiryHasPassedIsExpiredWhateverItsStatus() {
    String subject = Tokens.newSubject("expired");
    String token = token(subject, "ACTIVE", now() - 60, now(), null);
    assertEquals("EXPIRED", planStatusOnRegister(token));
  }

  @Test
  void invalidPlanClaimsAreIgnoredNeverA500() {
    String subject = Tokens.newSubject("invalid");
    long id = Admins.register(api, tokens.tenant(subject));
    Api.Reply badStatus =
        api.post("/api/v1/account/register", "")
            .token(token(subject, "GOLD", null, now(), null))
            .send();
    assertEquals(200, badStatus.status(), badStatus::toString);
    Api.Reply badLimits =
        api.get("/api/v1/bot/state")
            .token(token(subject, "ACTIVE", null, now(), Map.of("max_sessions", 99)))
            .send();
    assertEquals(200, badLimits.status(), badLimits::toString);
    Api.Reply notAnObject =
        api.get("/api/v1/bot/state")
            .token(
                tokens.tenant(
                    subject,
                    c -> {
                      c.setClaim("plan_status", "ACTIVE");
                      c.setClaim("plan_limits", "lots");
                    }))
            .send();
    assertEquals(200, notAnObject.status(), notAnObject::toString);
    assertEquals("INACTIVE", stored(id).getJsonObject("plan").getString("status"));
  }

  @Test
  void adminSetsAPlanWithLimitsAndBadPlansAre400() {
    long id = Admins.register(api, tokens.tenant(Tokens.newSubject("admin-plan")));
    Api.Reply set =
        api.put(
                "/api/v1/admin/accounts/" + id + "/plan",
                JsonBody.of(
                    "status",
                    "ACTIVE",
                    "expires_at",
                    "2999-01-01T00:00:00Z",
                    "limits",
                    JsonBody.object("max_sessions", 5, "max_groups", 10)))
            .token(owner)
            .send();
    assertEquals(200, set.status(), set::toString);
    assertEquals(
        5, set.json().getJsonObject("plan").getJsonObject("limits").getInt("max_sessions"));
    assertEquals("ACTIVE", set.json().getString("effective_plan_status"));
    Admins.assertProblem(
        api.put(
                "/api/v1/admin/accounts/" + id + "/plan",
                JsonBody.of("status", "GOLD", "limits", JsonBody.object("max_sessions", 8)))
            .token(owner)
            .send(),
        400,
        "invalid-input");
    assertEquals(
        5, stored(id).getJsonObject("plan").getJsonObject("limits").getInt("max_sessions"));
  }
}
