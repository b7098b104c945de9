package dev.herald.telegram.tdlib;

import java.nio.file.Path;
import java.time.Duration;

/** TDLib settings for tests: short timeouts, a given data directory, the test DC. */
final class TestTdlibConfig {

  private TestTdlibConfig() {}

  static TdlibConfig of(Path dataDir, Duration timeout) {
    return new TdlibConfig(
        dataDir,
        true,
        timeout,
        timeout,
        timeout,
        "en",
        "Herald",
        "0.1.0",
        3,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30));
  }
}
