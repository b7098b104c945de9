package dev.herald.api.ratelimit;

import dev.herald.domain.ratelimit.RateLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's rate limits and trusted proxies, each overridable from the environment ({@code
 * HERALD_RATE_LIMIT_DEFAULT_PER_MINUTE}, {@code HERALD_TRUSTED_PROXIES}, ...).
 */
@ApplicationScoped
public class RateLimitSettings {

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

  public RateLimit global() {
    return new RateLimit("api", defaultPerMinute, Duration.ofMinutes(1));
  }

  public RateLimit login() {
    return new RateLimit("login", loginPerMinute, Duration.ofMinutes(1));
  }

  public RateLimit accessCode() {
    return new RateLimit(
        "access-code", accessCodeFailures, Duration.ofMinutes(accessCodeWindowMinutes));
  }

  private Set<String> trusted;

  @PostConstruct
  void parseTrustedProxies() {
    trusted =
        Arrays.stream(trustedProxies.orElse("").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(ClientAddresses::normalise)
            .collect(Collectors.toUnmodifiableSet());
  }

  public Set<String> trustedProxies() {
    return trusted;
  }
}
