package dev.herald.api.auth;

import dev.herald.api.config.ApiSettings;
import dev.herald.domain.account.Account;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Issues Herald's RS256 tokens: {@code sub}, {@code groups} (the role), the plan claims ({@code
 * plan_status}, {@code plan_limits}, {@code plan_expires_at}), {@code iss}, {@code aud}, {@code
 * iat}, {@code exp}, {@code jti}.
 */
@ApplicationScoped
public class TokenIssuer {

  @Inject ApiSettings settings;

  private PrivateKey signingKey;

  @PostConstruct
  void loadKey() {
    Path file =
        settings
            .privateKeyFile()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "herald.jwt.private-key-file is not set: is the preflight agent in"
                            + " jvm.options?"));
    signingKey = readPkcs8(file);
  }

  public IssuedToken issue(Account account) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(settings.issuer());
    claims.setAudience(settings.audience());
    claims.setSubject(account.subject());
    claims.setGeneratedJwtId();
    claims.setIssuedAtToNow();
    NumericDate expires = NumericDate.now();
    expires.addSeconds(settings.tokenLifetime().toSeconds());
    claims.setExpirationTime(expires);
    claims.setStringListClaim("groups", List.of(account.role().name()));
    account.email().ifPresent(email -> claims.setClaim("email", email));
    Plan plan = account.plan();
    claims.setClaim("plan_status", plan.status().name());
    claims.setClaim("plan_limits", limitsClaim(plan.limits()));
    claims.setClaim("plan_expires_at", plan.expiresAt().map(i -> i.getEpochSecond()).orElse(null));
    claims.setClaim("plan_updated_at", plan.updatedAt().getEpochSecond());

    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(signingKey);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return IssuedToken.bearer(
          jws.getCompactSerialization(), settings.tokenLifetime().toSeconds());
    } catch (JoseException e) {
      throw new IllegalStateException("Could not sign a token", e);
    }
  }

  private static Map<String, Object> limitsClaim(PlanLimits limits) {
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("max_sessions", limits.maxSessions());
    claim.put("max_groups", limits.maxGroups());
    claim.put("min_delay_between_posts_seconds", limits.minDelayBetweenPostsSeconds());
    claim.put("min_delay_between_cycles_seconds", limits.minDelayBetweenCyclesSeconds());
    claim.put("max_posts_per_day", limits.maxPostsPerDay());
    claim.put("max_media_bytes", limits.maxMediaBytes());
    claim.put("max_media_count", limits.maxMediaCount());
    claim.put("max_posts_per_bot", limits.maxPostsPerBot());
    claim.put("max_buttons", limits.maxButtons());
    return claim;
  }

  private static PrivateKey readPkcs8(Path file) {
    try {
      String pem = Files.readString(file);
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot read the JWT signing key " + file + " (PKCS#8 PEM expected): " + e.getMessage(),
          e);
    }
  }
}
