package dev.herald.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token check below the container; the system tests (JwtAttackIT, AuthenticationIT) run the
 * full list of forged tokens against the running server.
 */
class TokenVerifierTest {

  static final String ISSUER = "https://herald.test";
  static final String AUDIENCE = "herald-api";
  static KeyPair herald;
  static KeyPair attacker;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    herald = rsa.generateKeyPair();
    attacker = rsa.generateKeyPair();
  }

  static String pem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(herald.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  static TokenVerifier verifier(Duration skew) {
    TokenVerifier verifier = new TokenVerifier();
    verifier.configure(ISSUER, AUDIENCE, skew, b -> TokenKeys.apply(b, pem(), null));
    return verifier;
  }

  static JwtClaims claims(String subject) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(subject);
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(10);
    claims.setStringListClaim("groups", List.of("USER"));
    return claims;
  }

  static String signed(JwtClaims claims, KeyPair key) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivate());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  static String token(Consumer<JwtClaims> change) throws Exception {
    JwtClaims claims = claims("tenant-1");
    change.accept(claims);
    return signed(claims, herald);
  }

  @Test
  void aValidTokenIsItsSubjectWithItsRolesAndIsCheckedOnce() throws Exception {
    TokenVerifier verifier = verifier(Duration.ofSeconds(30));
    String token = token(c -> {});
    VerifiedToken verified = verifier.verify(token).orElseThrow();
    assertEquals("tenant-1", verified.getName());
    assertTrue(verified.inRole("USER"));
    assertFalse(verified.inRole("ADMIN"));
    assertSame(verified, verifier.verify(token).orElseThrow(), "the second request hits the cache");
  }

  @Test
  void tokensThatMustNotPassAreRefused() throws Exception {
    TokenVerifier verifier = verifier(Duration.ofSeconds(30));
    long now = NumericDate.now().getValue();
    List<String> refused =
        List.of(
            token(c -> c.setExpirationTime(NumericDate.fromSeconds(now - 90))),
            token(c -> c.setNotBefore(NumericDate.fromSeconds(now + 600))),
            token(
                c -> {
                  c.setIssuedAt(NumericDate.fromSeconds(now + 20));
                  c.setExpirationTime(NumericDate.fromSeconds(now + 10));
                }),
            // Issued after it expired, both within the skew: only the iat/exp order refuses it.
            token(
                c -> {
                  c.setIssuedAt(NumericDate.fromSeconds(now - 5));
                  c.setExpirationTime(NumericDate.fromSeconds(now - 10));
                }),
            token(c -> c.setIssuer("https://evil.example")),
            token(c -> c.setAudience("other-api")),
            token(c -> c.unsetClaim("exp")),
            token(c -> c.unsetClaim("iat")),
            token(c -> c.unsetClaim("sub")),
            token(c -> c.setSubject(" ")),
            token(c -> c.setSubject("tenant-1 ")),
            signed(claims("tenant-1"), attacker),
            unsigned(claims("tenant-1")),
            hmacWithThePublicKey(claims("tenant-1")),
            token(c -> {}) + ".AAAA",
            "",
            "abc.def.ghi");
    for (String token : refused) {
      assertTrue(verifier.verify(token).isEmpty(), token);
    }
  }

  @Test
  void aCachedTokenIsRefusedOnceItExpired() throws Exception {
    TokenVerifier verifier = verifier(Duration.ZERO);
    long now = NumericDate.now().getValue();
    String token = token(c -> c.setExpirationTime(NumericDate.fromSeconds(now + 1)));
    assertTrue(verifier.verify(token).isPresent());
    Thread.sleep(Duration.ofSeconds(now + 2).toMillis() - System.currentTimeMillis() + 100);
    assertTrue(verifier.verify(token).isEmpty());
  }

  @Test
  void theKeyMayBeAJwkSet() throws Exception {
    RsaJsonWebKey jwk =
        new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) herald.getPublic());
    String set = new JsonWebKeySet(jwk).toJson();
    TokenVerifier verifier = new TokenVerifier();
    verifier.configure(ISSUER, AUDIENCE, Duration.ZERO, b -> TokenKeys.apply(b, set, null));
    assertTrue(verifier.verify(token(c -> {})).isPresent());
    assertTrue(verifier.verify(signed(claims("tenant-1"), attacker)).isEmpty());
  }

  @Test
  void theKeyMayBeAnIdentityProvidersJwkSetUrl() throws Exception {
    RsaJsonWebKey jwk =
        new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) herald.getPublic());
    jwk.setKeyId("idp-1");
    byte[] set = new JsonWebKeySet(jwk).toJson().getBytes(StandardCharsets.UTF_8);
    HttpServer idp =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    idp.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, set.length);
          exchange.getResponseBody().write(set);
          exchange.close();
        });
    idp.start();
    try {
      String url = "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks";
      TokenVerifier verifier = new TokenVerifier();
      verifier.configure(ISSUER, AUDIENCE, Duration.ZERO, b -> TokenKeys.apply(b, null, url));
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims("tenant-1").toJson());
      jws.setKey(herald.getPrivate());
      jws.setKeyIdHeaderValue("idp-1");
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      assertTrue(verifier.verify(jws.getCompactSerialization()).isPresent());
      assertTrue(verifier.verify(signed(claims("tenant-1"), attacker)).isEmpty());
    } finally {
      idp.stop(0);
    }
  }

  private static String unsigned(JwtClaims claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  private static String hmacWithThePublicKey(JwtClaims claims) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(new HmacKey(pem().getBytes(StandardCharsets.UTF_8)));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setDoKeyValidation(false);
    return jws.getCompactSerialization();
  }
}
