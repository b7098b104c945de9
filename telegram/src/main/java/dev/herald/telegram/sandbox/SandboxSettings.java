package dev.herald.telegram.sandbox;

import dev.herald.telegram.model.TelegramLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox's configuration as read at startup. Defaults are repeated in
 * {@code @ConfigProperty(defaultValue)} because MicroProfile Config may not read the {@code
 * microprofile-config.properties} of a jar in an EAR's {@code lib/}.
 */
@ApplicationScoped
public class SandboxSettings {

  @Inject
  @ConfigProperty(name = "herald.sandbox.latency-ms", defaultValue = "0")
  long latencyMs;

  @Inject
  @ConfigProperty(name = "herald.sandbox.flood-wait-every", defaultValue = "0")
  int floodWaitEvery;

  @Inject
  @ConfigProperty(name = "herald.sandbox.flood-wait-seconds", defaultValue = "30")
  long floodWaitSeconds;

  @Inject
  @ConfigProperty(name = "herald.sandbox.ban-probability", defaultValue = "0")
  double banProbability;

  /** Comma-separated chats; an entry ending in {@code *} is a prefix ({@code @spam*}). */
  @Inject
  @ConfigProperty(name = "herald.sandbox.forbidden-chats")
  Optional<String> forbiddenChats;

  @Inject
  @ConfigProperty(name = "herald.sandbox.seed", defaultValue = "42")
  long seed;

  /** An open world creates unknown chats on first contact ({@link SandboxWorld}). */
  @Inject
  @ConfigProperty(name = "herald.sandbox.world.open", defaultValue = "true")
  boolean worldOpen;

  /** {@code telegram} (Telegram's limits) or {@code off} (only permissions and slow mode). */
  @Inject
  @ConfigProperty(name = "herald.sandbox.world.limits", defaultValue = "telegram")
  String worldLimits;

  /** The demo chats ({@link DemoWorld}); unset means: in the dev profile. */
  @Inject
  @ConfigProperty(name = "herald.sandbox.world.demo")
  Optional<Boolean> demoWorld;

  @Inject
  @ConfigProperty(name = "herald.profile", defaultValue = "prod")
  String profile;

  /** The fault plan these settings describe, the one {@link SandboxFaults} starts with. */
  public FaultPlan plan() {
    List<String> chats =
        forbiddenChats
            .map(value -> Arrays.stream(value.split(",")).map(String::strip))
            .orElseGet(java.util.stream.Stream::empty)
            .filter(entry -> !entry.isEmpty())
            .toList();
    return new FaultPlan(
        Duration.ofMillis(latencyMs),
        floodWaitEvery,
        Duration.ofSeconds(floodWaitSeconds),
        banProbability,
        chats);
  }

  public long seed() {
    return seed;
  }

  public boolean worldOpen() {
    return worldOpen;
  }

  public TelegramLimits worldLimits() {
    return switch (worldLimits.strip().toLowerCase(Locale.ROOT)) {
      case "telegram" -> TelegramLimits.telegram();
      case "off" -> TelegramLimits.unlimited();
      default ->
          throw new IllegalArgumentException(
              "herald.sandbox.world.limits must be telegram or off, not " + worldLimits);
    };
  }

  public boolean demoWorld() {
    return demoWorld.orElse("dev".equalsIgnoreCase(profile.strip()));
  }
}
