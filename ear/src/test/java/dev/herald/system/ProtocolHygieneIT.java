package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP hygiene (SPEC rule 12 and §4): wrong media types, methods and sizes get the right 4xx as
 * problem+json; TRACE never echoes; every answer, errors included, carries the request id and the
 * security headers; CORS answers configured origins only.
 */
class ProtocolHygieneIT extends TenantSystemTest {

  static final String DEV_ORIGIN = "http://localhost:3000";
  static final HttpClient RAW =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static String token;

  @BeforeAll
  static void start() {
    token = tokens.tenant(Tokens.newSubject("hygiene"));
    api.put("/api/v1/bot/config", JsonBody.of("post_text", "kept")).token(token).send();
  }

  @Test
  void wrongContentTypeIs415Problem() {
    Api.Reply reply =
        api.put("/api/v1/bot/config", JsonBody.of("post_text", "x"))
            .token(token)
            .header("Content-Type", "text/plain")
            .send();
    assertProblem(reply, 415, "unsupported-media-type");
  }

  @Test
  void unacceptableAcceptIs406Problem() {
    Api.Reply reply =
        api.get("/api/v1/bot/state").token(token).header("Accept", "application/xml").send();
    assertProblem(reply, 406, "not-acceptable");
  }

  @Test
  void bodyOverTheLimitIs413ProblemWhenDeclared() {
    Api.Reply reply = api.put("/api/v1/bot/config", oversizedConfig()).token(token).send();
    assertProblem(reply, 413, "content-too-large");
    assertConfigKept();
  }

  @Test
  void bodyOverTheLimitIs413ProblemWhenStreamedWithoutALength() throws Exception {
    byte[] body = oversizedConfig().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(system.server().baseUrl() + "/api/v1/bot/config"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    Api.Reply reply = new Api.Reply(send(request));
    assertProblem(reply, 413, "content-too-large");
    assertConfigKept();
  }

  @Test
  void bodyJustUnderTheLimitIsReadAndValidated() {
    String text = "x".repeat(60 * 1024);
    Api.Reply reply =
        api.put("/api/v1/bot/config", JsonBody.of("post_text", text)).token(token).send();
    assertProblem(reply, 400, "invalid-input");
  }

  @Test
  void unsupportedMethodIs405ProblemWithAllow() {
    Api.Reply reply = api.delete("/api/v1/bot/state").token(token).send();
    assertProblem(reply, 405, "method-not-allowed");
    assertTrue(reply.header("Allow").contains("GET"), reply.header("Allow"));
  }

  @Test
  void traceIsRefusedAndNeverEchoed() throws Exception {
    for (String path :
        new String[] {"/api/v1/bot/state", "/api/v1/auth/login", "/", "/nothing", "/health/live"}) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(system.server().baseUrl() + path))
              .header("X-Trace-Probe", "echo-canary-42")
              .header("Authorization", "Bearer " + token)
              .method("TRACE", HttpRequest.BodyPublishers.noBody())
              .build();
      HttpResponse<String> reply = send(request);
      assertTrue(
          reply.statusCode() == 405 || reply.statusCode() == 403, path + ": " + reply.statusCode());
      assertFalse(
          reply.body().contains("echo-canary-42"), path + " echoed the request: " + reply.body());
      assertFalse(reply.body().contains(token), path + " echoed the token");
    }
  }

  @Test
  void everyAnswerCarriesTheRequestIdAndSecurityHeaders() {
    String noGroups = tokens.tenant(Tokens.newSubject("nogroups"), c -> c.unsetClaim("groups"));
    Map<String, Api.Reply> replies = new LinkedHashMap<>();
    replies.put("200", api.get("/api/v1/bot/state").token(token).send());
    replies.put("400", api.put("/api/v1/bot/config", "{not json").token(token).send());
    replies.put("401 no token", api.get("/api/v1/bot/state").send());
    replies.put("401 bad token", api.get("/api/v1/bot/state").token("garbage").send());
    replies.put("403", api.get("/api/v1/bot/state").token(noGroups).send());
    replies.put("404 api", api.get("/api/v1/no-such-thing").token(token).send());
    replies.put("404 root", api.get("/no-such-page.html").send());
    replies.put("405", api.delete("/api/v1/bot/config").token(token).send());
    replies.put(
        "406", api.get("/api/v1/bot/state").token(token).header("Accept", "text/html").send());
    replies.put("413", api.put("/api/v1/bot/config", oversizedConfig()).token(token).send());
    replies.put(
        "415",
        api.put("/api/v1/bot/config", "x").token(token).header("Content-Type", "text/xml").send());
    replies.forEach(
        (label, reply) -> {
          assertSecurityHeaders(label, reply);
          if (reply.status() >= 400) {
            assertEquals(
                "application/problem+json", reply.header("Content-Type"), label + ": " + reply);
            assertEquals(reply.status(), reply.json().getInt("status"), label);
            assertEquals(reply.header("X-Request-Id"), reply.json().getString("request_id"), label);
            assertNoInternals(label, reply.body());
          }
        });
    assertEquals(
        "[200, 400, 401, 401, 403, 404, 404, 405, 406, 413, 415]",
        replies.values().stream().map(Api.Reply::status).toList().toString());
  }

  @Test
  void serverErrorsCarryTheHeadersToo() {
    system.database().stop();
    Api.Reply reply;
    try {
      // The state cache may answer from memory for the second its listener takes to notice.
      AtomicReference<Api.Reply> last = new AtomicReference<>();
      Poll.until(
          "the state read failing without its database",
          Duration.ofSeconds(10),
          () -> {
            last.set(api.get("/api/v1/bot/state").token(token).send());
            return last.get().status() != 200;
          });
      reply = last.get();
    } finally {
      system.database().start();
    }
    assertEquals(503, reply.status(), reply::toString);
    assertSecurityHeaders("503", reply);
    assertEquals("application/problem+json", reply.header("Content-Type"));
    assertNoInternals("503", reply.body());
    Poll.until(
        "ready again",
        Duration.ofSeconds(60),
        () -> api.get("/health/ready").send().status() == 200);
  }

  @Test
  void corsPreflightFromTheConfiguredOriginIsAnswered() {
    Api.Reply reply = preflight(DEV_ORIGIN);
    assertEquals(204, reply.status(), reply::toString);
    assertEquals(DEV_ORIGIN, reply.header("Access-Control-Allow-Origin"));
    assertTrue(reply.header("Access-Control-Allow-Methods").contains("PUT"));
    assertTrue(reply.header("Access-Control-Allow-Headers").contains("Authorization"));
    assertNull(
        reply.header("Access-Control-Allow-Credentials"), "bearer tokens need no credentials mode");
    assertSecurityHeaders("preflight", reply);

    Api.Reply simple =
        api.get("/api/v1/bot/state").token(token).header("Origin", DEV_ORIGIN).send();
    assertEquals(200, simple.status());
    assertEquals(DEV_ORIGIN, simple.header("Access-Control-Allow-Origin"));
    assertTrue(simple.header("Access-Control-Expose-Headers").contains("X-Request-Id"));
  }

  @Test
  void corsGivesOtherOriginsNoAllowHeader() {
    for (String origin :
        new String[] {
          "null",
          "https://evil.example",
          "http://localhost:3001",
          "http://localhost:3000.evil.example"
        }) {
      Api.Reply pre = preflight(origin);
      assertNull(pre.header("Access-Control-Allow-Origin"), origin);
      assertProblem(pre, 403, "cors-origin-not-allowed");
      Api.Reply simple = api.get("/api/v1/bot/state").token(token).header("Origin", origin).send();
      assertEquals(200, simple.status());
      assertNull(simple.header("Access-Control-Allow-Origin"), origin);
    }
  }

  private static Api.Reply preflight(String origin) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(system.server().baseUrl() + "/api/v1/bot/config"))
              .header("Origin", origin)
              .header("Access-Control-Request-Method", "PUT")
              .header("Access-Control-Request-Headers", "authorization, content-type")
              .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
              .build();
      return new Api.Reply(send(request));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertProblem(Api.Reply reply, int status, String slug) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
    assertEquals(
        "https://herald.dev/problems/" + slug, reply.json().getString("type"), reply::toString);
    assertEquals(status, reply.json().getInt("status"));
    assertSecurityHeaders(Integer.toString(status), reply);
  }

  static void assertSecurityHeaders(String label, Api.Reply reply) {
    assertNotNull(reply.header("X-Request-Id"), label + ": X-Request-Id");
    assertEquals("no-store", reply.header("Cache-Control"), label);
    assertEquals("nosniff", reply.header("X-Content-Type-Options"), label);
    assertEquals("frame-ancestors 'none'", reply.header("Content-Security-Policy"), label);
    assertNull(reply.header("Strict-Transport-Security"), label + ": HSTS is for TLS only");
  }

  static void assertNoInternals(String label, String body) {
    for (String leak :
        new String[] {
          "Exception", "SRVE", "at dev.herald", "at java.", "SQLState", "org.postgresql"
        }) {
      assertFalse(body.contains(leak), label + " leaks " + leak + ": " + body);
    }
  }

  private void assertConfigKept() {
    Api.Reply config = api.get("/api/v1/bot/config").token(token).send();
    assertEquals("kept", config.json().getString("post_text"), config::toString);
  }

  private static String oversizedConfig() {
    return JsonBody.of("post_text", "x".repeat(70 * 1024));
  }

  private static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    return RAW.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
