package dev.herald.telegram.config;

import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.sandbox.FaultPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The telegram module's configuration in one place (house style: one typed holder per module):
 * which transport each kind of sender uses, the dry-run sandbox, the HTTP Bot API. Defaults are
 * repeated in {@code @ConfigProperty(defaultValue)} because MicroProfile Config may not read the
 * {@code microprofile-config.properties} of a jar in an EAR's {@code lib/}.
 */
@ApplicationScoped
public class TelegramSettings {

  // Transports; both kinds of sender default to the dry-run sandbox.

  @Inject
  @ConfigProperty(name = "herald.transport.sessions", defaultValue = "sandbox")
  String sessions;

  @Inject
  @ConfigProperty(name = "herald.transport.user-bots", defaultValue = "sandbox")
  String userBots;

  // The sandbox.

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

  /** An open world creates unknown chats on first contact ({@code SandboxWorld}). */
  @Inject
  @ConfigProperty(name = "herald.sandbox.world.open", defaultValue = "true")
  boolean worldOpen;

  /** {@code telegram} (Telegram's limits) or {@code off} (only permissions and slow mode). */
  @Inject
  @ConfigProperty(name = "herald.sandbox.world.limits", defaultValue = "telegram")
  String worldLimits;

  /**
   * The world's clock runs this many times faster than Telegram's: every limit's period, penalty
   * and slow mode delay is divided by it ({@code TelegramLimits.scaled}), so a benchmark can run a
   * simulated day with its plan's delays divided by the same factor. 1 (the default) is real time.
   */
  @Inject
  @ConfigProperty(name = "herald.sandbox.world.time-scale", defaultValue = "1")
  double worldTimeScale = 1;

  /** The demo chats ({@code DemoWorld}); unset means: in the dev profile. */
  @Inject
  @ConfigProperty(name = "herald.sandbox.world.demo")
  Optional<Boolean> demoWorld;

  @Inject
  @ConfigProperty(name = "herald.profile", defaultValue = "prod")
  String profile;

  /**
   * {@code on}: the sandbox appends every cycle's send to a file of this node's under {@code
   * <herald.data-dir>/sandbox-sends} ({@code SendJournal}), where tests and benchmarks count
   * duplicates; {@code off}: no file.
   */
  @Inject
  @ConfigProperty(name = "herald.sandbox.send-log", defaultValue = "on")
  String sendLog = "on";

  /** Herald's data folder, published by the preflight agent as an absolute path. */
  @Inject
  @ConfigProperty(name = "herald.data-dir")
  Optional<String> dataDir = Optional.empty();

  // The Bot API.

  @Inject
  @ConfigProperty(name = "herald.botapi.base-url", defaultValue = "https://api.telegram.org")
  String botApiBaseUrl;

  @Inject
  @ConfigProperty(name = "herald.botapi.timeout-ms", defaultValue = "10000")
  long botApiTimeoutMs;

  /** Send FORWARD posts with {@code copyMessage} (no "forwarded from" header) instead. */
  @Inject
  @ConfigProperty(name = "herald.botapi.forward-as-copy", defaultValue = "false")
  boolean botApiForwardAsCopy;

  /** Sessions' transport: {@code sandbox} or {@code tdlib}. */
  public String sessionTransport() {
    return checked("herald.transport.sessions", sessions, "sandbox", "tdlib");
  }

  /** User bots' transport: {@code sandbox} or {@code botapi}. */
  public String userBotTransport() {
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

  /** The fault plan the sandbox starts with ({@code SandboxFaults}). */
  public FaultPlan sandboxPlan() {
    List<String> chats =
        forbiddenChats
            .map(value -> Arrays.stream(value.split(",")).map(String::strip))
            .orElseGet(Stream::empty)
            .filter(entry -> !entry.isEmpty())
            .toList();
    return new FaultPlan(
        Duration.ofMillis(latencyMs),
        floodWaitEvery,
        Duration.ofSeconds(floodWaitSeconds),
        banProbability,
        chats);
  }

  public long sandboxSeed() {
    return seed;
  }

  public boolean sandboxWorldOpen() {
    return worldOpen;
  }

  public TelegramLimits sandboxWorldLimits() {
    return switch (worldLimits.strip().toLowerCase(Locale.ROOT)) {
      case "telegram" -> TelegramLimits.telegram().scaled(worldTimeScale);
      case "off" -> TelegramLimits.unlimited();
      default ->
          throw new IllegalArgumentException(
              "herald.sandbox.world.limits must be telegram or off, not " + worldLimits);
    };
  }

  /** The folder of the sandbox's send log files; empty when the log is off. */
  public Optional<Path> sandboxSendLogFolder() {
    if ("off".equals(checked("herald.sandbox.send-log", sendLog, "on", "off"))) {
      return Optional.empty();
    }
    return Optional.of(
        dataDir
            .filter(value -> !value.isBlank())
            .map(Path::of)
            .orElse(Path.of(""))
            .resolve("sandbox-sends")
            .toAbsolutePath());
  }

  public boolean sandboxDemoWorld() {
    return demoWorld.orElse("dev".equalsIgnoreCase(profile.strip()));
  }

  public URI botApiBaseUrl() {
    return URI.create(
        botApiBaseUrl.endsWith("/")
            ? botApiBaseUrl.substring(0, botApiBaseUrl.length() - 1)
            : botApiBaseUrl);
  }

  public Duration botApiTimeout() {
    return Duration.ofMillis(botApiTimeoutMs);
  }

  public boolean botApiForwardAsCopy() {
    return botApiForwardAsCopy;
  }
}
