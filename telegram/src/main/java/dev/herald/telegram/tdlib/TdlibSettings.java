package dev.herald.telegram.tdlib;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The TDLib transport's MicroProfile Config keys. Defaults repeat the properties file because a jar
 * in an EAR's {@code lib/} may not have its {@code microprofile-config.properties} read.
 */
@ApplicationScoped
public class TdlibSettings {

  @Inject
  @ConfigProperty(name = "herald.tdlib.library-path")
  Optional<String> libraryPath;

  /** Where session databases live; unset, {@code <herald.data-dir>/tdlib}. */
  @Inject
  @ConfigProperty(name = "herald.tdlib.data-dir")
  Optional<String> dataDir;

  /** Herald's data folder, published by the preflight agent as an absolute path. */
  @Inject
  @ConfigProperty(name = "herald.data-dir")
  Optional<String> heraldDataDir;

  /** Base64 of at least 16 random bytes; each session's database key is derived from it. */
  @Inject
  @ConfigProperty(name = "herald.tdlib.database-key")
  Optional<String> databaseKey;

  @Inject
  @ConfigProperty(name = "herald.tdlib.use-test-dc", defaultValue = "false")
  boolean useTestDc;

  @Inject
  @ConfigProperty(name = "herald.tdlib.log-verbosity", defaultValue = "1")
  int logVerbosity;

  @Inject
  @ConfigProperty(name = "herald.tdlib.login-step-timeout-ms", defaultValue = "30000")
  long loginStepMs;

  @Inject
  @ConfigProperty(name = "herald.tdlib.request-timeout-ms", defaultValue = "15000")
  long requestMs;

  @Inject
  @ConfigProperty(name = "herald.tdlib.send-timeout-ms", defaultValue = "90000")
  long sendMs;

  @Inject
  @ConfigProperty(name = "herald.tdlib.system-language-code", defaultValue = "en")
  String language;

  @Inject
  @ConfigProperty(name = "herald.tdlib.device-model", defaultValue = "Herald")
  String deviceModel;

  @Inject
  @ConfigProperty(name = "herald.tdlib.application-version", defaultValue = "0.1.0")
  String appVersion;

  @Inject
  @ConfigProperty(name = "herald.tdlib.breaker-failures", defaultValue = "5")
  int breakerFailures;

  @Inject
  @ConfigProperty(name = "herald.tdlib.breaker-open-seconds", defaultValue = "60")
  long breakerOpenSeconds;

  /**
   * A client without Telegram for this long refuses sends at once (the session is parked {@code
   * UNAVAILABLE}) instead of queueing them in TDLib for the whole send timeout.
   */
  @Inject
  @ConfigProperty(name = "herald.tdlib.offline-after-seconds", defaultValue = "30")
  long offlineAfterSeconds;

  /** How often a logged-in session's binlog is checked for changes to store in the database. */
  @Inject
  @ConfigProperty(name = "herald.tdlib.state-check-seconds", defaultValue = "30")
  long stateCheckSeconds;

  /**
   * The session lease lasts as long as the engine's bot lease (same key): taken here when a client
   * opens, extended by this transport while the client is open ({@link TdlibLeaseKeeper}).
   */
  @Inject
  @ConfigProperty(name = "herald.engine.lease-seconds", defaultValue = "6")
  long leaseSeconds;

  public Duration sessionLease() {
    return Duration.ofSeconds(Math.max(1, leaseSeconds));
  }

  public Duration stateCheckInterval() {
    return Duration.ofSeconds(Math.max(1, stateCheckSeconds));
  }

  /**
   * {@code native} (libtdjson at {@code herald.tdlib.library-path}) or {@code model} ({@link
   * ModelTdJson}: dev and system tests only, the prod profile refuses it).
   */
  @Inject
  @ConfigProperty(name = "herald.tdlib.library", defaultValue = "native")
  String library;

  /** Where the model records every client's open, close and send ({@link ClientRecord}). */
  @Inject
  @ConfigProperty(name = "herald.tdlib.model.record-file")
  Optional<String> modelRecordFile;

  @Inject
  @ConfigProperty(name = "herald.profile", defaultValue = "prod")
  String profile;

  public boolean onModel() {
    return "model".equalsIgnoreCase(library.strip());
  }

  public Optional<Path> modelRecordFile() {
    return modelRecordFile.filter(value -> !value.isBlank()).map(Path::of);
  }

  public boolean prodProfile() {
    return "prod".equalsIgnoreCase(profile.strip());
  }

  public Optional<String> libraryPath() {
    return libraryPath;
  }

  public int logVerbosity() {
    return logVerbosity;
  }

  /** Empty when not configured or not valid base64. */
  @Inject
  @ConfigProperty(name = "herald.data-key-file")
  Optional<String> heraldDataKeyFile;

  /**
   * The key TDLib session databases are encrypted with (per session, TdlibKeys derives its own):
   * {@code herald.tdlib.database-key} when set, else Herald's data-encryption key, so the profile's
   * key material protects the sessions without another secret to manage.
   */
  public Optional<byte[]> databaseKey() {
    try {
      Optional<String> base64 =
          databaseKey.or(() -> heraldDataKeyFile.flatMap(TdlibSettings::read));
      return base64.map(value -> Base64.getDecoder().decode(value.strip()));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static Optional<String> read(String file) {
    try {
      return Optional.of(java.nio.file.Files.readString(Path.of(file)));
    } catch (java.io.IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * The configured folder, else {@code tdlib} under Herald's data folder, else under the working
   * directory (a test without the preflight agent); always absolute.
   */
  Path dataDirectory() {
    return dataDir
        .filter(value -> !value.isBlank())
        .map(Path::of)
        .orElseGet(() -> heraldDataDir.map(Path::of).orElse(Path.of("")).resolve("tdlib"))
        .toAbsolutePath();
  }

  public TdlibConfig config() {
    return new TdlibConfig(
        dataDirectory(),
        useTestDc,
        Duration.ofMillis(loginStepMs),
        Duration.ofMillis(requestMs),
        Duration.ofMillis(sendMs),
        language,
        deviceModel,
        appVersion,
        breakerFailures,
        Duration.ofSeconds(breakerOpenSeconds),
        Duration.ofSeconds(offlineAfterSeconds));
  }
}
