package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** SPEC rule 1, the authentication half: only a verified token opens the API. */
class AuthenticationIT extends TenantSystemTest {

  private static String loginBody(String email, String password) {
    return JsonBody.of("email", email, "password", password);
  }

  @Test
  void loginIssuesATokenThatOpensTheApi() {
    Api.Reply login =
        api.post("/api/v1/auth/login", loginBody("admin@herald.local", system.adminPassword()))
            .send();
    assertEquals(200, login.status(), login::toString);
    JsonObject body = login.json();
    assertEquals("Bearer", body.getString("token_type"));
    Api.Reply register =
        api.post("/api/v1/account/register", "").token(body.getString("access_token")).send();
    assertEquals(200, register.status(), register::toString);
    assertEquals("OWNER", register.json().getString("role"));
  }

  @Test
  void loginWithAWrongPasswordIsRefusedWithAProblem() {
    Api.Reply reply =
        api.post("/api/v1/auth/login", loginBody("admin@herald.local", "wrong")).send();
    assertEquals(401, reply.status());
    assertEquals("application/problem+json", reply.header("Content-Type"));
    assertEquals(
        "https://herald.dev/problems/authentication-failed", reply.json().getString("type"));
  }

  @Test
  void loginWithMissingFieldsIs400NamingThem() {
    Api.Reply reply = api.post("/api/v1/auth/login", "{}").send();
    assertEquals(400, reply.status(), reply::toString);
    assertEquals(2, reply.json().getJsonArray("errors").size(), reply::toString);
  }

  @Test
  void requestWithoutATokenIs401() {
    assertEquals(401, api.get("/api/v1/bot/state").send().status());
  }

  @Test
  void expiredTokenIs401() {
    String token =
        tokens.tenant(
            Tokens.newSubject("expired"),
            claims -> {
              claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 7200));
              claims.setExpirationTime(
                  NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
            });
    assertEquals(401, api.get("/api/v1/bot/state").token(token).send().status());
  }

  @Test
  void tokenExpiredByMoreThanTheClockSkewIs401() {
    String token =
        tokens.tenant(
            Tokens.newSubject("skew"),
            claims ->
                claims.setExpirationTime(
                    NumericDate.fromSeconds(NumericDate.now().getValue() - 120)));
    assertEquals(401, api.get("/api/v1/bot/state").token(token).send().status());
  }

  @Test
  void tokenFromAnotherIssuerIs401() {
    String token =
        tokens.tenant(
            Tokens.newSubject("issuer"), claims -> claims.setIssuer("https://evil.example"));
    assertEquals(401, api.get("/api/v1/bot/state").token(token).send().status());
  }

  @Test
  void tokenForAnotherAudienceIs401() {
    String token =
        tokens.tenant(Tokens.newSubject("aud"), claims -> claims.setAudience("other-api"));
    assertEquals(401, api.get("/api/v1/bot/state").token(token).send().status());
  }

  @Test
  void unsignedTokenIs401() {
    assertEquals(
        401,
        api.get("/api/v1/bot/state")
            .token(Tokens.unsigned(Tokens.newSubject("none")))
            .send()
            .status());
  }

  @Test
  void tokenSignedByAnotherKeyIs401() {
    String token = tokens.signedByAnotherKey(Tokens.newSubject("otherkey"));
    assertEquals(401, api.get("/api/v1/bot/state").token(token).send().status());
  }

  @Test
  void validTokenOpensTheApi() {
    Api.Reply reply =
        api.get("/api/v1/bot/state").token(tokens.tenant(Tokens.newSubject("ok"))).send();
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("STOPPED", reply.json().getString("status"));
  }

  @Test
  void everyResponseCarriesARequestIdAndKeepsAWellFormedOne() {
    Api.Reply unauthorised = api.get("/api/v1/bot/state").send();
    assertNotNull(unauthorised.header("X-Request-Id"));
    Api.Reply kept = api.get("/api/v1/bot/state").header("X-Request-Id", "trace-123.abc").send();
    assertEquals("trace-123.abc", kept.header("X-Request-Id"));
    Api.Reply replaced =
        api.get("/api/v1/bot/state").header("X-Request-Id", "bad id\"<script>").send();
    assertNotEquals("bad id\"<script>", replaced.header("X-Request-Id"));
    assertNotNull(replaced.header("X-Request-Id"));
  }
}
