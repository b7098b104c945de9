package dev.herald.telegram.botapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the Bot API lives and how long one call may take; defaults repeat the properties file. */
@ApplicationScoped
public class BotApiSettings {

  @Inject
  @ConfigProperty(name = "herald.botapi.base-url", defaultValue = "https://api.telegram.org")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "herald.botapi.timeout-ms", defaultValue = "10000")
  long timeoutMs;

  /** Send FORWARD posts with {@code copyMessage} (no "forwarded from" header) instead. */
  @Inject
  @ConfigProperty(name = "herald.botapi.forward-as-copy", defaultValue = "false")
  boolean forwardAsCopy;

  public URI baseUrl() {
    return URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
  }

  public Duration timeout() {
    return Duration.ofMillis(timeoutMs);
  }

  public boolean forwardAsCopy() {
    return forwardAsCopy;
  }
}
