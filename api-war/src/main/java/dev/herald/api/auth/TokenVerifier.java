package dev.herald.api.auth;

import dev.herald.api.config.ApiSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Checks a bearer token and keeps the result for the token's lifetime (issue 17: Liberty's MP-JWT
 * check read its MicroProfile configuration and rebuilt its state on every request, a fifth of a
 * dashboard poll). A token is accepted only when it is signed with RS256 by the configured key (no
 * {@code none}, no HMAC, no key named by the token itself: {@code kid}, {@code jku}, {@code x5u}
 * and embedded keys are never followed), names the configured issuer and audience, has {@code exp},
 * {@code iat} and a non-blank {@code sub}, was not issued after it expires, and is within its times
 * give or take the clock skew.
 *
 * <p>The cache maps the whole compact token to its verified claims, so only the very same bytes hit
 * it; an entry is dropped once its {@code exp} plus the skew has passed. It is per node and
 * bounded: when full it first drops what expired, then starts afresh.
 */
@ApplicationScoped
public class TokenVerifier {

  static final int MAX_CACHED = 10_000;

  @Inject ApiSettings settings;
  @Inject TokenKeys keys;

  private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();
  private JwtConsumer consumer;
  private Duration skew;

  @PostConstruct
  void build() {
    configure(settings.issuer(), settings.audience(), settings.clockSkew(), keys::applyTo);
  }

  /** Which tokens pass: the issuer, the audience, the skew and the key ({@link TokenKeys}). */
  void configure(String issuer, String audience, Duration skew, Consumer<JwtConsumerBuilder> key) {
    this.skew = skew;
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds((int) skew.toSeconds())
            .setExpectedIssuer(issuer)
            .setExpectedAudience(audience)
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256);
    key.accept(builder);
    consumer = builder.build();
  }

  /** The verified token, or empty when it must be refused. */
  public Optional<VerifiedToken> verify(String compact) {
    // The system clock, as jose4j checks the times with it (and the issuer stamps them with it).
    Instant now = Instant.now();
    VerifiedToken known = verified.get(compact);
    if (known != null) {
      if (known.expiresAt().plus(skew).isAfter(now)) {
        return Optional.of(known);
      }
      verified.remove(compact);
    }
    Optional<VerifiedToken> token = check(compact);
    token.ifPresent(t -> remember(compact, t, now));
    return token;
  }

  private Optional<VerifiedToken> check(String compact) {
    try {
      JwtClaims claims = consumer.processToClaims(compact);
      String subject = claims.getSubject();
      // Rule 1: the subject is the account; a blank or padded one names nobody.
      if (subject == null || subject.isBlank() || !subject.equals(subject.strip())) {
        return Optional.empty();
      }
      Instant expires = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
      return Optional.of(new VerifiedToken(subject, groups(claims), expires, claims));
    } catch (InvalidJwtException | MalformedClaimException | RuntimeException refused) {
      return Optional.empty();
    }
  }

  private static HashSet<String> groups(JwtClaims claims) throws MalformedClaimException {
    HashSet<String> groups = new HashSet<>();
    if (claims.hasClaim("groups")) {
      List<String> listed = claims.getStringListClaimValue("groups");
      groups.addAll(listed);
    }
    return groups;
  }

  private void remember(String compact, VerifiedToken token, Instant now) {
    if (verified.size() >= MAX_CACHED) {
      verified.values().removeIf(t -> !t.expiresAt().plus(skew).isAfter(now));
      if (verified.size() >= MAX_CACHED) {
        verified.clear();
      }
    }
    verified.put(compact, token);
  }
}
