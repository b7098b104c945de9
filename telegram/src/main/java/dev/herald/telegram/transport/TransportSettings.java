package dev.herald.telegram.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which transport each kind of sender uses; both default to the dry-run sandbox. */
@ApplicationScoped
public class TransportSettings {

  @Inject
  @ConfigProperty(name = "herald.transport.sessions", defaultValue = "sandbox")
  String sessions;

  @Inject
  @ConfigProperty(name = "herald.transport.user-bots", defaultValue = "sandbox")
  String userBots;

  public TransportSettings() {}

  public TransportSettings(String sessions, String userBots) {
    this.sessions = sessions;
    this.userBots = userBots;
  }

  /** {@code sandbox} or {@code tdlib}. */
  public String sessions() {
    return checked("herald.transport.sessions", sessions, "sandbox", "tdlib");
  }

  /** {@code sandbox} or {@code botapi}. */
  public String userBots() {
    return checked("herald.transport.user-bots", userBots, "sandbox", "botapi");
  }

  private static String checked(String key, String value, String... allowed) {
    String normalised = value.strip().toLowerCase(Locale.ROOT);
    for (String candidate : allowed) {
      if (candidate.equals(normalised)) {
        return normalised;
      }
    }
    throw new IllegalStateException(
        key + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
  }
}
