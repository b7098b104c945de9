package dev.herald.system;

import static dev.herald.system.Admins.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Access codes and a client's attempts to redeem them on the test server, which trusts loopback as
 * a proxy: each test is its own client through {@code X-Forwarded-For}.
 */
final class AccessCodeAttempts {

  private final Api api;
  private final String owner;

  AccessCodeAttempts(Api api, String ownerToken) {
    this.api = api;
    this.owner = ownerToken;
  }

  /** A client address no other test uses. */
  String newClient() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.51." + r.nextInt(0, 256) + "." + r.nextInt(1, 255);
  }

  /** A new one-use code for a trial plan of 2 sessions. */
  String newCode() {
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

  Api.Reply attempt(String code, String forwardedFor) {
    return api.post("/api/v1/auth/access-code", JsonBody.of("code", code))
        .header("X-Forwarded-For", forwardedFor)
        .send();
  }

  /** {@code times} wrong codes from {@code client}, each refused as such. */
  void fail(String client, int times) {
    for (int i = 0; i < times; i++) {
      assertProblem(attempt("HRLD-WRONG-CODE-" + i, client), 401, "invalid-access-code");
    }
  }

  void assertLimited(Api.Reply reply) {
    assertProblem(reply, 429, "rate-limited");
    long retryAfter = Long.parseLong(reply.header("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= 900, reply::toString);
  }
}
