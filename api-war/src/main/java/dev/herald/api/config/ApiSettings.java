package dev.herald.api.config;

import dev.herald.api.ratelimit.ClientAddresses;
import dev.herald.domain.billing.BillingPolicy;
import dev.herald.domain.ratelimit.RateLimit;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.shared.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API module's configuration in one place (house style: one typed holder per module). Every key
 * can be overridden from the environment ({@code herald.rate-limit.default-per-minute} as {@code
 * HERALD_RATE_LIMIT_DEFAULT_PER_MINUTE}); defaults are in {@code
 * META-INF/microprofile-config.properties} or here. Key files, the profile and the CORS origins are
 * published by the preflight agent ({@code liberty-config}): it gives the dev profile its default
 * origin ({@code http://localhost:3000}) and refuses a wildcard or localhost origin in prod;
 * issuer, audience and clock skew are the server's variables.
 */
@ApplicationScoped
public class ApiSettings {

  // Tokens and the bootstrap owner.

  @Inject
  @ConfigProperty(name = "herald.profile", defaultValue = "prod")
  String profile;

  @Inject
  @ConfigProperty(name = "HERALD_JWT_ISSUER", defaultValue = "https://herald.local")
  String issuer;

  @Inject
  @ConfigProperty(name = "HERALD_JWT_AUDIENCE", defaultValue = "herald-api")
  String audience;

  @Inject
  @ConfigProperty(name = "herald.jwt.lifetime-seconds", defaultValue = "3600")
  long tokenLifetimeSeconds;

  @Inject
  @ConfigProperty(name = "HERALD_JWT_CLOCK_SKEW", defaultValue = "30s")
  String clockSkew;

  /**
   * Where the key that verifies tokens is (the MicroProfile JWT property names, so an operator's
   * MP_JWT_VERIFY_PUBLICKEY_LOCATION works as before): by default the preflight agent publishes
   * Herald's own public key file here.
   */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> publicKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey")
  Optional<String> publicKey;

  @Inject
  @ConfigProperty(name = "herald.jwt.private-key-file")
  Optional<String> privateKeyFile;

  @Inject
  @ConfigProperty(name = "herald.admin.email", defaultValue = "admin@herald.local")
  String adminEmail;

  @Inject
  @ConfigProperty(name = "HERALD_ADMIN_PASSWORD")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "herald.admin.password-file")
  Optional<String> adminPasswordFile;

  // HTTP.

  @Inject
  @ConfigProperty(name = "herald.cors.origins")
  Optional<String> corsOrigins;

  @Inject
  @ConfigProperty(name = "herald.max-body-bytes", defaultValue = "65536")
  long maxBodyBytes;

  /** 50 MiB (the largest medium a plan may allow) and 64 KiB for the multipart envelope. */
  @Inject
  @ConfigProperty(name = "herald.media.max-upload-bytes", defaultValue = "52494336")
  long maxUploadBytes;

  // Rate limits and the proxies whose X-Forwarded-For is believed.

  @Inject
  @ConfigProperty(name = "herald.rate-limit.default-per-minute", defaultValue = "300")
  long defaultPerMinute;

  @Inject
  @ConfigProperty(name = "herald.rate-limit.login-per-minute", defaultValue = "10")
  long loginPerMinute;

  @Inject
  @ConfigProperty(name = "herald.rate-limit.access-code-failures", defaultValue = "5")
  long accessCodeFailures;

  @Inject
  @ConfigProperty(name = "herald.rate-limit.access-code-window-minutes", defaultValue = "15")
  long accessCodeWindowMinutes;

  /** Comma list of proxy addresses whose X-Forwarded-For is believed; empty: believe nobody. */
  @Inject
  @ConfigProperty(name = "herald.trusted-proxies")
  Optional<String> trustedProxies;

  // The billing webhook.

  @Inject
  @ConfigProperty(name = "HERALD_BILLING_SECRET")
  Optional<String> billingSecret;

  @Inject
  @ConfigProperty(name = "herald.billing.replay-window-seconds", defaultValue = "300")
  long billingReplayWindowSeconds;

  // The bot event stream (GET /bot/events).

  @Inject
  @ConfigProperty(name = "herald.events.keep-alive-seconds", defaultValue = "25")
  int eventKeepAliveSeconds;

  @Inject
  @ConfigProperty(name = "herald.events.replay-limit", defaultValue = "500")
  int eventReplayLimit;

  @Inject
  @ConfigProperty(name = "herald.events.state-readers", defaultValue = "4")
  int eventStateReaders;

  // The node's copy of the polled bot states (BotStateCache).

  @Inject
  @ConfigProperty(name = "herald.state-cache.lifetime-seconds", defaultValue = "60")
  long stateCacheLifetimeSeconds;

  private Set<String> origins;
  private Set<String> trusted;

  @PostConstruct
  void parseLists() {
    origins =
        list(corsOrigins).stream()
            .filter(o -> !o.equals("*") && !o.equals("null"))
            .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
            .map(o -> o.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    trusted =
        list(trustedProxies).stream()
            .map(ClientAddresses::normalise)
            .collect(Collectors.toUnmodifiableSet());
  }

  private static Set<String> list(Optional<String> commaSeparated) {
    return Arrays.stream(commaSeparated.orElse("").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean devProfile() {
    return "dev".equals(profile);
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  /**
   * {@code HERALD_JWT_CLOCK_SKEW}: how far {@code exp}, {@code nbf} and {@code iat} may be off, as
   * a duration such as {@code 30s}, {@code 2m} or {@code 1m30s}; a bare number is seconds.
   */
  public Duration clockSkew() {
    return Durations.parse(clockSkew, "HERALD_JWT_CLOCK_SKEW");
  }

  /** The verification key as text (PEM, JWK or JWK set), else its location. */
  public Optional<String> publicKey() {
    return publicKey.filter(k -> !k.isBlank());
  }

  public Optional<String> publicKeyLocation() {
    return publicKeyLocation.filter(k -> !k.isBlank());
  }

  public Duration tokenLifetime() {
    return Duration.ofSeconds(tokenLifetimeSeconds);
  }

  /** Absent only when the preflight agent did not run, which the token issuer reports. */
  public Optional<Path> privateKeyFile() {
    return privateKeyFile.map(Path::of);
  }

  public String adminEmail() {
    return adminEmail;
  }

  public Optional<String> adminPassword() {
    return adminPassword.filter(p -> !p.isBlank());
  }

  public Optional<Path> adminPasswordFile() {
    return adminPasswordFile.map(Path::of);
  }

  /** Exact origins ({@code scheme://host[:port]}, lower case, no trailing slash); none: empty. */
  public Set<String> corsOrigins() {
    return origins;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The body limit of a media upload; the plan's file size limit is checked behind it. */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  public RateLimit globalRateLimit() {
    return new RateLimit("api", defaultPerMinute, Duration.ofMinutes(1));
  }

  public RateLimit loginRateLimit() {
    return new RateLimit("login", loginPerMinute, Duration.ofMinutes(1));
  }

  public RateLimit accessCodeRateLimit() {
    return new RateLimit(
        "access-code", accessCodeFailures, Duration.ofMinutes(accessCodeWindowMinutes));
  }

  public Set<String> trustedProxies() {
    return trusted;
  }

  /**
   * The billing webhook's secret and replay window; without {@code HERALD_BILLING_SECRET} the
   * webhook answers 503 {@code billing-not-configured}.
   */
  public BillingPolicy billingPolicy() {
    String secret =
        billingSecret
            .filter(s -> !s.isBlank())
            .orElseThrow(
                () ->
                    new UnavailableException(
                        ProblemType.BILLING_NOT_CONFIGURED,
                        "The billing webhook is off: set HERALD_BILLING_SECRET to the secret shared"
                            + " with billing."));
    return new BillingPolicy(
        secret.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(billingReplayWindowSeconds));
  }

  /** How many bots' states are read for their event streams at the same time, at most. */
  public int eventStateReaders() {
    return Math.max(1, eventStateReaders);
  }

  /** How often an idle event stream gets a comment line, so proxies keep it open. */
  public Duration eventKeepAlive() {
    return Duration.ofSeconds(Math.max(1, eventKeepAliveSeconds));
  }

  /**
   * How long this node keeps a polled bot state at most when no change to it was announced; zero
   * turns the cache off (every poll reads the database).
   */
  public Duration stateCacheLifetime() {
    return Duration.ofSeconds(Math.max(0, stateCacheLifetimeSeconds));
  }

  /** At most this many activity entries and as many deliveries are replayed on a reconnect. */
  public int eventReplayLimit() {
    return Math.max(1, eventReplayLimit);
  }
}
