package dev.herald.telegram.tdlib;

import java.util.Optional;

/**
 * Whether the TDLib transport can work, for readiness checks: the library's version when it loaded,
 * the reason otherwise ("herald.tdlib.library-path is not set", "... not found").
 */
public record TdlibStatus(boolean available, String libraryPath, String detail) {

  public static TdlibStatus up(String libraryPath, String version) {
    return new TdlibStatus(true, libraryPath, version);
  }

  public static TdlibStatus down(String libraryPath, String reason) {
    return new TdlibStatus(false, libraryPath, reason);
  }

  /** The TDLib version when available. */
  public Optional<String> version() {
    return available ? Optional.of(detail) : Optional.empty();
  }

  public Optional<String> unavailableReason() {
    return available ? Optional.empty() : Optional.of(detail);
  }
}
