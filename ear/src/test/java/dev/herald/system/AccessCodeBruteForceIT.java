package dev.herald.system;

import static dev.herald.system.Admins.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.launcher.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access codes and their abuse limit (SPEC §4, rule 11): 5 failed attempts per 15 minutes per
 * client, then 429 with Retry-After; a success resets the count; the count lives in PostgreSQL and
 * holds across a server restart ({@link RestartIT}'s restart checks it). The test server trusts
 * loopback as a proxy, so each test is its own client through X-Forwarded-For.
 */
class AccessCodeBruteForceIT extends TenantSystemTest {

  static AccessCodeAttempts codes;

  @BeforeAll
  static void start() {
    codes = new AccessCodeAttempts(api, Admins.ownerToken(system));
  }

  @Test
  void aCodeSignsInToTheAccountItCreatedWithItsPlan() {
    String code = codes.newCode();
    Api.Reply first = codes.attempt(code, codes.newClient());
    assertEquals(200, first.status(), first::toString);
    String token = first.json().getString("access_token");
    JsonObject account = api.post("/api/v1/account/register", "").token(token).send().json();
    assertEquals("TRIAL", account.getString("plan_status"));
    assertEquals("USER", account.getString("role"));
    Api.Reply again = codes.attempt(code.toLowerCase().replace("-", " "), codes.newClient());
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
    String client = codes.newClient();
    String code = codes.newCode();
    codes.fail(client, 5);
    codes.assertLimited(codes.attempt("HRLD-WRONG-AGAIN", client));
    codes.assertLimited(codes.attempt(code, client));
    assertEquals(
        200, codes.attempt(code, codes.newClient()).status(), "another client is not limited");
  }

  @Test
  void aSuccessfulAccessCodeResetsTheFailures() {
    String client = codes.newClient();
    String code = codes.newCode();
    codes.fail(client, 4);
    assertEquals(200, codes.attempt(code, client).status());
    codes.fail(client, 5);
    codes.assertLimited(codes.attempt(code, client));
  }

  @Test
  void aSpoofedForwardedForNeitherBypassesNorResetsTheLimit() {
    String client = codes.newClient();
    String code = codes.newCode();
    codes.fail(client, 5);
    // The client prepends made-up hops; the proxy (loopback, trusted) appended the real address
    // last.
    codes.assertLimited(codes.attempt("HRLD-WRONG", "203.0.113.77, " + client));
    codes.assertLimited(codes.attempt(code, "10.1.2.3, 203.0.113.78, " + client));
    codes.assertLimited(codes.attempt(code, client));
  }

  @Test
  void missingCodeIs400() {
    assertProblem(
        api.post("/api/v1/auth/access-code", "{}")
            .header("X-Forwarded-For", codes.newClient())
            .send(),
        400,
        "invalid-input");
  }
}
