package dev.herald.api.auth;

import dev.herald.api.config.ApiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * The key tokens must be signed with, from the MicroProfile JWT properties an operator already
 * knows: {@code mp.jwt.verify.publickey} (the key itself) or {@code
 * mp.jwt.verify.publickey.location} (a file, or the URL of an identity provider's JWK set, fetched
 * and refreshed by jose4j: on a token whose {@code kid} it does not know, at most every few
 * seconds). A file or the key itself may be a PEM public key, a JWK or a JWK set. By default the
 * preflight agent points the location at Herald's own public key.
 */
@ApplicationScoped
public class TokenKeys {

  @Inject ApiSettings settings;

  void applyTo(JwtConsumerBuilder builder) {
    apply(builder, settings.publicKey().orElse(null), settings.publicKeyLocation().orElse(null));
  }

  /** The key itself ({@code text}) wins over its {@code location}, as in MicroProfile JWT. */
  static void apply(JwtConsumerBuilder builder, String text, String location) {
    if (text == null && location == null) {
      throw new IllegalStateException(
          "No key verifies tokens: mp.jwt.verify.publickey.location is not set (is the preflight"
              + " agent in jvm.options?)");
    }
    if (text == null && (location.startsWith("https:") || location.startsWith("http:"))) {
      builder.setVerificationKeyResolver(
          new HttpsJwksVerificationKeyResolver(new HttpsJwks(location)));
      return;
    }
    String key = text != null ? text : read(location);
    if (key.strip().startsWith("{")) {
      builder.setVerificationKeyResolver(
          new JwksVerificationKeyResolver(jwks(key).getJsonWebKeys()));
    } else {
      builder.setVerificationKey(pem(key));
    }
  }

  private static String read(String location) {
    try {
      Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      return Files.readString(file);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot read the token verification key at " + location + ": " + e.getMessage(), e);
    }
  }

  /** A JWK set, or one JWK taken as a set of one. */
  private static JsonWebKeySet jwks(String json) {
    try {
      return json.contains("\"keys\"")
          ? new JsonWebKeySet(json)
          : new JsonWebKeySet(JsonWebKey.Factory.newJwk(json));
    } catch (JoseException e) {
      throw new IllegalStateException("The token verification key is not a valid JWK: " + e, e);
    }
  }

  private static PublicKey pem(String pem) {
    try {
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The token verification key is not an RSA public key in PEM: " + e.getMessage(), e);
    }
  }
}
