package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What bench/fuzz.sh (the OpenAPI-driven negative-testing run, SECURITY.md) found, each answered
 * with a 500 or a non-problem body before its fix (SPEC rule 12): now a 4xx problem whose {@code
 * status} is the HTTP status.
 */
class FuzzFindingsIT extends TenantSystemTest {

  static String owner;
  static String tenant;
  static long tenantId;

  @BeforeAll
  static void start() {
    owner = Admins.ownerToken(SystemUnderTest.get());
    tenant = tokens.tenant(Tokens.newSubject("fuzz"));
    tenantId = Admins.register(api, tenant);
    api.put("/api/v1/bot/config", "{\"post_text\":\"kept\"}").token(tenant).send();
  }

  @Test
  void acceptWithAWeightThatIsNoNumberIs400() {
    assertProblem(
        api.get("/api/v1/bot/state").token(tenant).header("Accept", "*/*;q=abc").send(),
        400,
        "malformed-header");
  }

  @Test
  void contentTypeWithAWeightThatIsNoNumberIs400() {
    assertProblem(
        api.put("/api/v1/bot/config", "{\"post_text\":\"x\"}")
            .token(tenant)
            .header("Content-Type", "application/json; q=abc")
            .send(),
        400,
        "malformed-header");
  }

  @Test
  void aContentEncodingIs415() {
    assertProblem(
        api.put("/api/v1/bot/config", "{\"post_text\":\"x\"}")
            .token(tenant)
            .header("Content-Encoding", "gzip")
            .send(),
        415,
        "unsupported-content-encoding");
  }

  @Test
  void aNulCharacterInTextIs400() {
    assertProblem(
        api.post("/api/v1/admin/bots/" + tenantId + "/suspend", "{\"reason\":\"a\\u0000b\"}")
            .token(owner)
            .send(),
        400,
        "invalid-value");
  }

  @Test
  void anExpiryBeyondWhatPostgresStoresIs400() {
    assertProblem(
        api.put(
                "/api/v1/admin/accounts/" + tenantId + "/plan",
                "{\"status\":\"ACTIVE\",\"expires_at\":\"+169108099-07-05T04:51:43Z\"}")
            .token(owner)
            .send(),
        400,
        "invalid-value");
  }

  @Test
  void aSuspendReasonLongerThanItsColumnIs400() {
    assertProblem(
        api.post(
                "/api/v1/admin/bots/" + tenantId + "/suspend",
                "{\"reason\":\"" + "r".repeat(501) + "\"}")
            .token(owner)
            .send(),
        400,
        "invalid-input");
  }

  @Test
  void aNullForbiddenChatIs400() {
    assertProblem(
        api.put("/api/v1/admin/sandbox/faults", "{\"forbidden_chats\":[null]}").token(owner).send(),
        400,
        "invalid-input");
  }

  @Test
  void anEncodedSlashInThePathIsAProblem() {
    Api.Reply reply = api.get("/api/v1/admin/accounts/%2F").token(owner).send();
    assertProblem(reply, 400, "bad-request");
    assertEquals(
        reply.header("X-Request-Id"), reply.json().getString("request_id"), reply::toString);
    assertEquals("/api/v1/admin/accounts/%2F", reply.json().getString("instance"), reply::toString);
    assertNull(
        reply.header("$WSEP"), "Liberty's internal error-page marker must not leak: " + reply);
  }

  /**
   * The one answer the application cannot shape: Servlet 6.0 (section 3.5.2) makes the container
   * refuse a path that is not canonical once decoded (a control character; an encoded {@code ;}
   * with {@code ?} making an empty segment with parameters), and Liberty does so in
   * WebContainer.handleRequest before choosing an application, so no filter or error page runs and
   * there is no setting for it. Pinned here so that it stays a plain 400 with the endpoint's
   * security headers and no stack trace; if Liberty ever routes it to the error page, the problem
   * assertions of the test above take over (SECURITY.md, "Fuzzing").
   */
  @ParameterizedTest
  @ValueSource(strings = {"%00", "%09", "%0A", "%0D", "%7F", "%3Bm%3D1%3Fx/plan"})
  void aPathThatIsNotCanonicalOnceDecodedIsRefusedByTheContainerWithoutLeaking(String encoded) {
    Api.Reply reply = api.get("/api/v1/admin/accounts/" + encoded).token(owner).send();
    assertEquals(400, reply.status(), reply::toString);
    assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
    assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
    assertEquals(
        "frame-ancestors 'none'", reply.header("Content-Security-Policy"), reply::toString);
    assertFalse(
        reply.body().matches("(?s).*(Exception|\\tat |java\\.|com\\.ibm\\.).*"), reply::toString);
    if (reply.header("Content-Type").startsWith("application/problem+json")) {
      assertProblem(reply, 400, "bad-request");
    }
  }

  static void assertProblem(Api.Reply reply, int status, String slug) {
    Admins.assertProblem(reply, status, slug);
    assertEquals(status, reply.json().getInt("status"), reply::toString);
  }
}
