package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the ITs find the real libtdjson (telegram/fetch-tdlib.sh): {@code HERALD_TDLIB_LIBRARY} or
 * the system property {@code herald.tdlib.library-path} (set by failsafe). Without it a test is
 * skipped locally but FAILS when {@code CI=true}.
 */
final class RealTdlib {

  private RealTdlib() {}

  static String pathOrSkip() {
    String path =
        Optional.ofNullable(System.getenv("HERALD_TDLIB_LIBRARY"))
            .orElse(System.getProperty("herald.tdlib.library-path", ""));
    if (path.isBlank() || !Files.isRegularFile(Path.of(path))) {
      String reason = "libtdjson not found at '" + path + "'; run telegram/fetch-tdlib.sh";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason);
      }
      Assumptions.abort(reason);
    }
    return path;
  }
}
