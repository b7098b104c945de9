package dev.herald.telegram.tdlib;

import dev.herald.domain.session.SessionStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Session folders as TDLib leaves them on disk, written by hand for the state tests. */
final class TdlibFolders {

  private TdlibFolders() {}

  /** Creates {@code folder} holding a {@code td.binlog} of {@code content}; returns the binlog. */
  static Path withBinlog(Path folder, byte... content) throws IOException {
    return Files.write(Files.createDirectories(folder).resolve("td.binlog"), content);
  }

  /** As {@link #withBinlog(Path, byte...)}, the binlog last modified at {@code modified}. */
  static Path withBinlog(Path folder, Instant modified, byte... content) throws IOException {
    return Files.setLastModifiedTime(withBinlog(folder, content), FileTime.from(modified));
  }

  /**
   * Saves the snapshot of {@code folder} in {@code store} for {@code sessionId}, as {@code node}.
   */
  static void storeSnapshot(SessionStateStore store, long sessionId, Path folder, String node) {
    TdlibStateSnapshot snapshot = TdlibStateSnapshot.of(folder).orElseThrow();
    store.save(sessionId, snapshot.bytes(), snapshot.sha256(), node);
  }
}
