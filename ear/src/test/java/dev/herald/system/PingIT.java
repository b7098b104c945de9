package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import org.junit.jupiter.api.Test;

/**
 * The ping that bench/api.sh measures other endpoints against: open to anyone, no body, and passing
 * the same filters as every resource (request id, security headers, rate limit).
 */
class PingIT extends TenantSystemTest {

  @Test
  void pingAnswers204WithoutAToken() {
    Api.Reply reply = api.get("/api/v1/ping").send();
    assertEquals(204, reply.status(), reply::toString);
    assertEquals("", reply.body());
  }

  @Test
  void pingCarriesTheRequestIdSecurityAndRateLimitHeaders() {
    Api.Reply reply = api.get("/api/v1/ping").header("X-Request-Id", "ping-it-1").send();
    assertEquals("ping-it-1", reply.header("X-Request-Id"));
    assertEquals("no-store", reply.header("Cache-Control"));
    assertEquals("nosniff", reply.header("X-Content-Type-Options"));
    assertEquals("frame-ancestors 'none'", reply.header("Content-Security-Policy"));
    assertEquals("no-referrer", reply.header("Referrer-Policy"));
    assertNotNull(reply.header("RateLimit-Limit"), "the ping is rate limited like every request");
  }

  @Test
  void pingIsInTheOpenApiDocument() {
    Api.Reply openapi = api.get("/openapi").send();
    assertTrue(openapi.body().contains("/api/v1/ping"), openapi::body);
  }
}
