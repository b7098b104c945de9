package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TdlibSettingsTest {

  private static TdlibSettings settings(Optional<String> dataDir, Optional<String> heraldDataDir) {
    TdlibSettings settings = new TdlibSettings();
    settings.dataDir = dataDir;
    settings.heraldDataDir = heraldDataDir;
    return settings;
  }

  @Test
  void sessionFoldersDefaultToTdlibUnderHeraldsDataFolder() {
    assertEquals(
        Path.of("/var/lib/herald/tdlib"),
        settings(Optional.empty(), Optional.of("/var/lib/herald")).dataDirectory());
  }

  @Test
  void aConfiguredFolderWins() {
    assertEquals(
        Path.of("/srv/tdlib"),
        settings(Optional.of("/srv/tdlib"), Optional.of("/var/lib/herald")).dataDirectory());
  }

  @Test
  void theFolderIsAlwaysAbsolute() {
    assertTrue(settings(Optional.of("relative"), Optional.empty()).dataDirectory().isAbsolute());
    assertTrue(settings(Optional.empty(), Optional.empty()).dataDirectory().isAbsolute());
  }
}
