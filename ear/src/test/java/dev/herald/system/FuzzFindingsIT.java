package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What bench/fuzz.sh (the OpenAPI-driven negative-testing run, SECURITY.md) found, each answered
 * with a 500 or a non-problem body before its fix (SPEC rule 12): now a 4xx problem whose
 * {@code status} is the HTTP status.
 */
class FuzzFindingsIT {

  static Api api;
  static String owner;
  static String tenant;
  static long tenantId;

  @BeforeAll
  static void start() {
    SystemUnderTest system = SystemUnderTest.get();
    api = system.api();
    owner = Admins.ownerToken(system);
    tenant = new Tokens(system.keysDir()).tenant(Tokens.newSubject("fuzz"));
    tenantId = Admins.register(api, tenant);
    api.put("/api/v1/bot/config", "{\"post_text\":\"kept\"}").token(tenant).send();
  }

  @Test
  void acceptWithAWeightThatIsNoNumberIs400() {
    assertProblem(api.get("/api/v1/bot/state").token(tenant).header("Accept", "*/*;q=abc").send(), 400,
        "malformed-header");
  }

  @Test
  void contentTypeWithAWeightThatIsNoNumberIs400() {
    assertProblem(api.put("/api/v1/bot/config", "{\"post_text\":\"x\"}").token(tenant)
        .header("Content-Type", "application/json; q=abc").send(), 400, "malformed-header");
  }

  @Test
  void aContentEncodingIs415() {
    assertProblem(api.put("/api/v1/bot/config", "{\"post_text\":\"x\"}").token(tenant)
        .header("Content-Encoding", "gzip").send(), 415, "unsupported-content-encoding");
  }

  @Test
  void aNulCharacterInTextIs400() {
    assertProblem(api.post("/api/v1/admin/bots/" + tenantId + "/suspend", "{\"reason\":\"a\\u0000b\"}").token(owner)
        .send(), 400, "invalid-value");
  }

  @Test
  void anExpiryBeyondWhatPostgresStoresIs400() {
    assertProblem(api.put("/api/v1/admin/accounts/" + tenantId + "/plan",
        "{\"status\":\"ACTIVE\",\"expires_at\":\"+169108099-07-05T04:51:43Z\"}").token(owner).send(), 400,
        "invalid-value");
  }

  @Test
  void aSuspendReasonLongerThanItsColumnIs400() {
    assertProblem(api.post("/api/v1/admin/bots/" + tenantId + "/suspend", "{\"reason\":\"" + "r".repeat(501) + "\"}")
        .token(owner).send(), 400, "invalid-input");
  }

  @Test
  void aNullForbiddenChatIs400() {
    assertProblem(api.put("/api/v1/admin/sandbox/faults", "{\"forbidden_chats\":[null]}").token(owner).send(), 400,
        "invalid-input");
  }

  @Test
  void anEncodedSlashInThePathIsAProblem() {
    Api.Reply reply = api.get("/api/v1/admin/accounts/%2F").token(owner).send();
    assertProblem(reply, 400, "bad-request");
    assertEquals(reply.header("X-Request-Id"), reply.json().getString("request_id"), reply::toString);
  }

  static void assertProblem(Api.Reply reply, int status, String slug) {
    Admins.assertProblem(reply, status, slug);
    assertEquals(status, reply.json().getInt("status"), reply::toString);
  }
}
