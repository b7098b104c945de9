package dev.herald.api.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the HTTP layer. The CORS origins are published by the preflight agent, which gives
 * the dev profile its default ({@code http://localhost:3000}) and refuses a wildcard or localhost
 * origin in prod; without it no origin is allowed.
 */
@ApplicationScoped
public class HttpSettings {

  @Inject
  @ConfigProperty(name = "herald.cors.origins")
  Optional<String> corsOrigins;

  @Inject
  @ConfigProperty(name = "herald.max-body-bytes", defaultValue = "65536")
  long maxBodyBytes;

  /** Exact origins ({@code scheme://host[:port]}, lower case, no trailing slash). */
  public Set<String> corsOrigins() {
    return corsOrigins
        .map(
            list ->
                Arrays.stream(list.split(","))
                    .map(String::strip)
                    .filter(o -> !o.isEmpty() && !o.equals("*") && !o.equals("null"))
                    .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                    .map(o -> o.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }
}
