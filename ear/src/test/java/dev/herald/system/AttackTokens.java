package dev.herald.system;

import dev.herald.launcher.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.function.Consumer;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Forged and malformed tokens for {@link JwtAttackIT}: each is what an attacker could send, built
 * from a valid tenant token's claims ({@link Tokens#tenantClaims}) with one thing wrong.
 */
final class AttackTokens {

  private final Tokens herald;
  private final String publicKeyPem;
  private final KeyPair attacker;

  AttackTokens(Path keysDir) {
    this.herald = new Tokens(keysDir);
    try {
      this.publicKeyPem =
          Files.readString(keysDir.resolve("jwt-public.pem"), StandardCharsets.US_ASCII);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.attacker = generator.generateKeyPair();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed with Herald's own key: only the claims are wrong. */
  String heraldSigned(String subject, Consumer<JwtClaims> change) {
    return herald.tenant(subject, change);
  }

  String valid(String subject) {
    return herald.tenant(subject);
  }

  /** A valid token with one character of its signature changed. */
  String badSignature(String subject) {
    String token = herald.tenant(subject);
    int at = token.lastIndexOf('.') + 10;
    char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + flipped + token.substring(at + 1);
  }

  String signedByAttacker(String subject, Consumer<JsonWebSignature> headers) {
    return sign(
        Tokens.tenantClaims(subject),
        attacker.getPrivate(),
        AlgorithmIdentifiers.RSA_USING_SHA256,
        headers);
  }

  /** The attacker's public key as an embedded {@code jwk} header: "trust the key I bring". */
  String embeddedJwk(String subject) {
    return signedByAttacker(
        subject,
        jws -> {
          RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) attacker.getPublic());
          jwk.setKeyId("attacker");
          jws.setJwkHeader(jwk);
          jws.setKeyIdHeaderValue("attacker");
        });
  }

  /** Algorithm confusion: HS256 keyed with Herald's public key, as PEM text. */
  String hmacWithPublicKeyPem(String subject) {
    return sign(
        Tokens.tenantClaims(subject),
        new HmacKey(publicKeyPem.getBytes(StandardCharsets.US_ASCII)),
        AlgorithmIdentifiers.HMAC_SHA256,
        jws -> {});
  }

  /** Algorithm confusion: HS256 keyed with Herald's public key, as DER bytes. */
  String hmacWithPublicKeyDer(String subject) {
    String base64 = publicKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return sign(
        Tokens.tenantClaims(subject),
        new HmacKey(Base64.getDecoder().decode(base64)),
        AlgorithmIdentifiers.HMAC_SHA256,
        jws -> {});
  }

  /** {@code alg: none} (any spelling), with or without an empty signature part. */
  static String unsigned(String subject, String alg, boolean trailingDot) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString(JsonBody.of("alg", alg, "typ", "JWT").getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(Tokens.tenantClaims(subject).toJson().getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + (trailingDot ? "." : "");
  }

  private static String sign(
      JwtClaims claims, Key key, String algorithm, Consumer<JsonWebSignature> headers) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setHeader("typ", "JWT");
    jws.setDoKeyValidation(false);
    headers.accept(jws);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }
}
