package dev.herald.system;

import static dev.herald.system.Admins.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access codes and their abuse limit (SPEC §4, rule 11): 5 failed attempts per 15 minutes per
 * client, then 429 with Retry-After; a success resets the count; the count lives in PostgreSQL and
 * holds across a server restart. The test server trusts loopback as a proxy, so each test is its
 * own client through X-Forwarded-For.
 */
class AccessCodeBruteForceIT extends TenantSystemTest {

  static String owner;

  @BeforeAll
  static void start() {
    owner = Admins.ownerToken(system);
  }

  private static String newClient() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.51." + r.nextInt(0, 256) + "." + r.nextInt(1, 255);
  }

  private static String newCode() {
    Api.Reply created =
        api.post(
                "/api/v1/admin/access-codes",
                JsonBody.of(
                    "count",
                    1,
                    "plan",
                    JsonBody.object(
                        "status",
                        "TRIAL",
                        "expires_at",
                        "2999-01-01T00:00:00Z",
                        "limits",
                        JsonBody.object("max_sessions", 2))))
            .token(owner)
            .send();
    assertEquals(201, created.status(), created::toString);
    return created.json().getJsonArray("codes").getString(0);
  }

  private static Api.Reply attempt(String code, String forwardedFor) {
    return api.post("/api/v1/auth/access-code", JsonBody.of("code", code))
        .header("X-Forwarded-For", forwardedFor)
        .send();
  }

  private static void fail(String client, int times) {
    for (int i = 0; i < times; i++) {
      assertProblem(attempt("HRLD-WRONG-CODE-" + i, client), 401, "invalid-access-code");
    }
  }

  private static void assertLimited(Api.Reply reply) {
    assertProblem(reply, 429, "rate-limited");
    long retryAfter = Long.parseLong(reply.header("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= 900, reply::toString);
  }

  @Test
  void aCodeSignsInToTheAccountItCreatedWithItsPlan() {
    String code = newCode();
    Api.Reply first = attempt(code, newClient());
    assertEquals(200, first.status(), first::toString);
    String token = first.json().getString("access_token");
    JsonObject account = api.post("/api/v1/account/register", "").token(token).send().json();
    assertEquals("TRIAL", account.getString("plan_status"));
    assertEquals("USER", account.getString("role"));
    Api.Reply again = attempt(code.toLowerCase().replace("-", " "), newClient());
    assertEquals(200, again.status(), again::toString);
    long sameId =
        api.post("/api/v1/account/register", "")
            .token(again.json().getString("access_token"))
            .send()
            .json()
            .getJsonNumber("id")
            .longValue();
    assertEquals(account.getJsonNumber("id").longValue(), sameId);
  }

  @Test
  void fiveFailedAccessCodesPerClientAre429WithRetryAfterEvenForTheRightCode() {
    String client = newClient();
    String code = newCode();
    fail(client, 5);
    assertLimited(attempt("HRLD-WRONG-AGAIN", client));
    assertLimited(attempt(code, client));
    assertEquals(200, attempt(code, newClient()).status(), "another client is not limited");
  }

  @Test
  void aSuccessfulAccessCodeResetsTheFailures() {
    String client = newClient();
    String code = newCode();
    fail(client, 4);
    assertEquals(200, attempt(code, client).status());
    fail(client, 5);
    assertLimited(attempt(code, client));
  }

  @Test
  void aSpoofedForwardedForNeitherBypassesNorResetsTheLimit() {
    String client = newClient();
    String code = newCode();
    fail(client, 5);
    // The client prepends made-up hops; the proxy (loopback, trusted) appended the real address
    // last.
    assertLimited(attempt("HRLD-WRONG", "203.0.113.77, " + client));
    assertLimited(attempt(code, "10.1.2.3, 203.0.113.78, " + client));
    assertLimited(attempt(code, client));
  }

  @Test
  void theAccessCodeLimitHoldsAcrossAServerRestart() {
    String client = newClient();
    String code = newCode();
    fail(client, 5);
    assertLimited(attempt(code, client));

    system.server().stop();
    system.server().start(Duration.ofMinutes(3));

    assertLimited(attempt(code, client));
  }

  @Test
  void missingCodeIs400() {
    assertProblem(
        api.post("/api/v1/auth/access-code", "{}").header("X-Forwarded-For", newClient()).send(),
        400,
        "invalid-input");
  }
}
