package dev.herald.api.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's configuration in one place. Key files and the profile are published by the preflight
 * agent ({@code liberty-config}); issuer and audience are the server's variables, shared with the
 * {@code mpJwt} element that verifies tokens.
 */
@ApplicationScoped
public class ApiSettings {

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

  public boolean devProfile() {
    return "dev".equals(profile);
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
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
}
