package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC rule 1 under attack: every forged, stale or malformed token is a 401 problem, and the
 * resource method never runs. "Never runs" is proven twice per token: a {@code PUT /bot/config} for
 * an existing tenant leaves its configuration unchanged, and a {@code POST /account/register} for a
 * fresh subject creates no account row.
 */
class JwtAttackIT extends TenantSystemTest {

  static final String KEPT_TEXT = "set with a valid token";

  static AttackTokens attacks;
  static String victim;

  @BeforeAll
  static void start() {
    attacks = new AttackTokens(system.keysDir());
    victim = Tokens.newSubject("victim");
    Api.Reply put =
        api.put("/api/v1/bot/config", config(KEPT_TEXT)).token(attacks.valid(victim)).send();
    assertEquals(200, put.status(), put::toString);
  }

  static Stream<Arguments> forgedTokens() {
    long now = NumericDate.now().getValue();
    return Stream.of(
        attack("expired", issuedAndExpiring(now - 7200, now - 3600)),
        attack(
            "expired beyond the 30 s clock skew",
            s ->
                attacks.heraldSigned(
                    s, c -> c.setExpirationTime(NumericDate.fromSeconds(now - 90)))),
        attack(
            "not yet valid (nbf in 10 minutes)",
            s -> attacks.heraldSigned(s, c -> c.setNotBefore(NumericDate.fromSeconds(now + 600)))),
        attack(
            "wrong issuer", s -> attacks.heraldSigned(s, c -> c.setIssuer("https://evil.example"))),
        attack("no issuer", s -> attacks.heraldSigned(s, c -> c.unsetClaim("iss"))),
        attack("wrong audience", s -> attacks.heraldSigned(s, c -> c.setAudience("other-api"))),
        attack("no audience", s -> attacks.heraldSigned(s, c -> c.unsetClaim("aud"))),
        attack("no exp", s -> attacks.heraldSigned(s, c -> c.unsetClaim("exp"))),
        attack("iat after exp", issuedAndExpiring(now + 1200, now + 600)),
        attack("iat after exp, both within the skew", issuedAndExpiring(now + 20, now + 10)),
        attack("no sub", s -> attacks.heraldSigned(s, c -> c.unsetClaim("sub"))),
        attack("blank sub", s -> attacks.heraldSigned(s, c -> c.setSubject(" "))),
        attack("bad signature (one character changed)", attacks::badSignature),
        attack("signed by another RSA key", s -> attacks.signedByAttacker(s, jws -> {})),
        attack("alg none", s -> AttackTokens.unsigned(s, "none", true)),
        attack("alg None without a signature part", s -> AttackTokens.unsigned(s, "None", false)),
        attack("alg NONE", s -> AttackTokens.unsigned(s, "NONE", true)),
        attack("HS256 keyed with Herald's public key PEM", attacks::hmacWithPublicKeyPem),
        attack("HS256 keyed with Herald's public key DER", attacks::hmacWithPublicKeyDer),
        attack(
            "kid pointing elsewhere",
            s ->
                attacks.signedByAttacker(
                    s, jws -> jws.setKeyIdHeaderValue("../../../../dev/null"))),
        attack(
            "jku pointing at the attacker's key set",
            s ->
                attacks.signedByAttacker(
                    s, jws -> jws.setHeader("jku", "http://127.0.0.1:1/attacker-jwks.json"))),
        attack(
            "x5u pointing at the attacker's certificate",
            s ->
                attacks.signedByAttacker(
                    s, jws -> jws.setHeader("x5u", "http://127.0.0.1:1/attacker.pem"))),
        attack("embedded jwk of the attacker's key", attacks::embeddedJwk),
        attack("garbage", s -> "not-a-token"),
        attack("garbage with dots", s -> "abc.def.ghi"),
        attack("empty", s -> ""),
        attack("valid token with a fourth part", s -> attacks.valid(s) + ".AAAA"),
        attack(
            "valid header and payload only",
            s -> {
              String t = attacks.valid(s);
              return t.substring(0, t.lastIndexOf('.'));
            }),
        attack("10 KiB of garbage", s -> "A".repeat(10_240)),
        attack("non-ASCII garbage", s -> "\u00e9\u00e8.\u00e0.\u00fc"));
  }

  /**
   * A token Herald signed for the subject, issued at {@code issuedAt} and expiring at {@code
   * expiresAt} (epoch seconds).
   */
  private static Function<String, String> issuedAndExpiring(long issuedAt, long expiresAt) {
    return subject ->
        attacks.heraldSigned(
            subject,
            c -> {
              c.setIssuedAt(NumericDate.fromSeconds(issuedAt));
              c.setExpirationTime(NumericDate.fromSeconds(expiresAt));
            });
  }

  private static Arguments attack(String name, Function<String, String> token) {
    return Arguments.of(Named.of(name, token));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgedTokens")
  void forgedTokenIs401AndChangesNothing(Function<String, String> forge) throws SQLException {
    assertConfigChangeRefused(
        "Authorization", "Bearer " + forge.apply(victim), "changed by an attacker");

    String fresh = Tokens.newSubject("fresh");
    long accountsBefore = countAccounts(null);
    Api.Reply register =
        api.post("/api/v1/account/register", "")
            .header("Authorization", "Bearer " + forge.apply(fresh))
            .send();
    assertUnauthorizedProblem(register);
    assertEquals(0, countAccounts(fresh), "no account row for " + fresh);
    assertEquals(accountsBefore, countAccounts(null), "no account row at all");
  }

  @Test
  void validTokenInACookieIs401BecauseOnlyTheHeaderIsRead() throws SQLException {
    for (String cookie :
        new String[] {"Bearer=", "jwt=", "access_token=", "Authorization=Bearer%20"}) {
      String fresh = Tokens.newSubject("cookie");
      Api.Reply reply =
          api.post("/api/v1/account/register", "")
              .header("Cookie", cookie + attacks.valid(fresh))
              .send();
      assertUnauthorizedProblem(reply);
      assertEquals(0, countAccounts(fresh));
    }
    assertConfigChangeRefused(
        "Cookie", "Bearer=" + attacks.valid(victim), "changed through a cookie");
  }

  @Test
  void otherAuthorizationSchemesAre401() {
    for (String value :
        new String[] {"Basic YWRtaW46YWRtaW4=", "Token " + attacks.valid(victim), "Bearer"}) {
      assertConfigChangeRefused("Authorization", value, "changed by " + value.split(" ")[0]);
    }
  }

  @Test
  void validTokenStillOpensTheApiSoTheAttacksAreMeaningful() throws SQLException {
    String fresh = Tokens.newSubject("control");
    Api.Reply register =
        api.post("/api/v1/account/register", "").token(attacks.valid(fresh)).send();
    assertEquals(200, register.status(), register::toString);
    assertEquals(1, countAccounts(fresh));
  }

  /** SPEC rule 2 from the token side: a valid USER token on an admin endpoint is 403. */
  @Test
  void validUserTokenOnAnAdminEndpointIs403() {
    Api.Reply reply =
        api.get("/api/v1/admin/audit-log").token(attacks.valid(Tokens.newSubject("user"))).send();
    assertEquals(403, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.header("Content-Type"));
  }

  /**
   * A PUT /bot/config of the victim's with the header {@code name: value} (and the text {@code
   * text}) is a 401 problem and leaves the victim's configuration as it was.
   */
  static void assertConfigChangeRefused(String name, String value, String text) {
    Api.Reply put = api.put("/api/v1/bot/config", config(text)).header(name, value).send();
    assertUnauthorizedProblem(put);
    assertVictimConfigUnchanged();
  }

  static void assertUnauthorizedProblem(Api.Reply reply) {
    assertEquals(401, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
    assertEquals(
        "https://herald.dev/problems/unauthorized",
        reply.json().getString("type"),
        reply::toString);
    assertEquals(401, reply.json().getInt("status"));
    assertEquals(reply.header("X-Request-Id"), reply.json().getString("request_id"));
    assertNotEquals(null, reply.header("WWW-Authenticate"));
  }

  static void assertVictimConfigUnchanged() {
    Api.Reply config = api.get("/api/v1/bot/config").token(attacks.valid(victim)).send();
    assertEquals(200, config.status(), config::toString);
    assertEquals(KEPT_TEXT, config.json().getString("post_text"), config::toString);
  }

  static String config(String text) {
    return JsonBody.of("target_groups", List.of("@herald_news"), "post_text", text);
  }

  /** Accounts with this subject, or all accounts for {@code null}. */
  static long countAccounts(String subject) throws SQLException {
    String sql =
        subject == null
            ? "SELECT count(*) FROM account"
            : "SELECT count(*) FROM account WHERE subject = ?";
    try (Connection c = system.database().connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (subject != null) {
        s.setString(1, subject);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
