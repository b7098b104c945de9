package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TdlibStateSnapshotTest {

  @TempDir Path temp;

  private Path folder(String name, byte[] binlog) throws IOException {
    Path folder = Files.createDirectories(temp.resolve(name));
    Files.write(folder.resolve("td.binlog"), binlog);
    Files.write(folder.resolve("db.sqlite"), new byte[] {9, 9});
    Files.createDirectories(folder.resolve("files"));
    return folder;
  }

  @Test
  void theBinlogRoundTripsIntoAnEmptyFolderAndTheCacheIsLeftBehind() throws IOException {
    Path source = folder("a", new byte[] {1, 2, 3});
    TdlibStateSnapshot snapshot = TdlibStateSnapshot.of(source).orElseThrow();

    Path target = temp.resolve("b");
    snapshot.restoreInto(target);

    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target.resolve("td.binlog")));
    assertFalse(Files.exists(target.resolve("db.sqlite")), "chat info is a cache TDLib rebuilds");
    assertEquals(snapshot.sha256(), TdlibStateSnapshot.of(target).orElseThrow().sha256());
  }

  @Test
  void restoreReplacesAStaleFolderButKeepsItsFilesDirectory() throws IOException {
    Path stale = folder("stale", new byte[] {7});
    Files.write(stale.resolve("files").resolve("photo.jpg"), new byte[] {5});
    TdlibStateSnapshot.of(folder("fresh", new byte[] {8, 8})).orElseThrow().restoreInto(stale);

    assertArrayEquals(new byte[] {8, 8}, Files.readAllBytes(stale.resolve("td.binlog")));
    assertFalse(Files.exists(stale.resolve("db.sqlite")), "stale chat info of the old binlog");
    assertTrue(Files.exists(stale.resolve("files").resolve("photo.jpg")));
  }

  @Test
  void theSameBinlogGivesTheSameHashWhateverItsFileTime() throws IOException {
    Path folder = folder("a", new byte[] {1, 2, 3});
    String first = TdlibStateSnapshot.of(folder).orElseThrow().sha256();
    Files.setLastModifiedTime(
        folder.resolve("td.binlog"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertEquals(first, TdlibStateSnapshot.of(folder).orElseThrow().sha256());
    Files.write(folder.resolve("td.binlog"), new byte[] {1, 2, 4});
    assertNotEquals(first, TdlibStateSnapshot.of(folder).orElseThrow().sha256());
  }

  @Test
  void aFolderWithoutBinlogHasNoSnapshot() throws IOException {
    assertTrue(TdlibStateSnapshot.of(Files.createDirectories(temp.resolve("empty"))).isEmpty());
    assertTrue(TdlibStateSnapshot.of(temp.resolve("missing")).isEmpty());
  }

  @Test
  void entriesThatEscapeTheFolderOrAreNotBinlogsAreRefusedBeforeAnythingIsWritten()
      throws IOException {
    Path target = folder("target", new byte[] {1});
    for (String name : new String[] {"../td.binlog", "/tmp/td.binlog", "sub/td.binlog", "x.so"}) {
      TdlibStateSnapshot evil = new TdlibStateSnapshot(zip(name), "x");
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> evil.restoreInto(target), name);
      assertTrue(refused.getMessage().contains(name), refused.getMessage());
    }
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(target.resolve("td.binlog")));
    assertFalse(Files.exists(temp.resolve("td.binlog")));
    assertTrue(Files.exists(target.resolve("db.sqlite")), "nothing was removed either");
  }

  private static byte[] zip(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(new byte[] {6, 6, 6});
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
