package dev.herald.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Tokens for the system tests and the benchmarks, signed with the dev profile's key (as an external
 * identity provider sharing Herald's key would), or deliberately broken.
 */
public final class Tokens {

  public static final String ISSUER = "https://herald.local";
  public static final String AUDIENCE = "herald-api";

  private final PrivateKey heraldKey;

  public Tokens(Path keysDir) {
    this.heraldKey = readPkcs8(keysDir.resolve("jwt-private.pem"));
  }

  /** Claims of a valid tenant token for a new, unique subject. */
  public static JwtClaims tenantClaims(String subject) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(subject);
    claims.setIssuedAtToNow();
    NumericDate exp = NumericDate.now();
    exp.addSeconds(600);
    claims.setExpirationTime(exp);
    claims.setGeneratedJwtId();
    claims.setStringListClaim("groups", List.of("USER"));
    return claims;
  }

  public static String newSubject(String label) {
    return label + "-" + UUID.randomUUID();
  }

  public String tenant(String subject) {
    return sign(tenantClaims(subject), heraldKey, AlgorithmIdentifiers.RSA_USING_SHA256);
  }

  public String tenant(String subject, Consumer<JwtClaims> change) {
    JwtClaims claims = tenantClaims(subject);
    change.accept(claims);
    return sign(claims, heraldKey, AlgorithmIdentifiers.RSA_USING_SHA256);
  }

  public String signedByAnotherKey(String subject) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return sign(
          tenantClaims(subject),
          generator.generateKeyPair().getPrivate(),
          AlgorithmIdentifiers.RSA_USING_SHA256);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token ({@code alg: none}): a verifier that accepts it accepts anything. */
  public static String unsigned(String subject) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
    String payload = b64.encodeToString(tenantClaims(subject).toJson().getBytes());
    return header + "." + payload + ".";
  }

  private static String sign(JwtClaims claims, PrivateKey key, String algorithm) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey readPkcs8(Path pem) {
    try {
      String base64 =
          Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
