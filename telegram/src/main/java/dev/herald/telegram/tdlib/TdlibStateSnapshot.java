package dev.herald.telegram.tdlib;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * What TDLib needs to reopen a session, taken from its database folder as a small deterministic
 * zip: its binlog only ({@code td.binlog}, {@code td_test.binlog} on the test DC), which holds the
 * authorization, the DC keys and the options, already encrypted by TDLib with the session's
 * database key. With the message and file databases off, the rest of the folder is a cache TDLib
 * rebuilds ({@code db.sqlite}: chat info, {@code files/}). Entries are sorted with a fixed time, so
 * the same binlog gives the same bytes and the same {@link #sha256()}.
 *
 * <p>A binlog copied while TDLib appends to it can end in a partial event; TDLib drops a partial
 * tail on load like after a crash, and the next snapshot carries the rest.
 */
record TdlibStateSnapshot(byte[] bytes, String sha256) {

  /** TDLib's binlog file names (production and test DC). */
  static final Set<String> BINLOGS = Set.of("td.binlog", "td_test.binlog");

  private static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;

  /** The folder's snapshot; empty when it has no binlog (TDLib never opened it, or logged out). */
  static Optional<TdlibStateSnapshot> of(Path folder) {
    List<Path> binlogs = binlogs(folder);
    if (binlogs.isEmpty()) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path binlog : binlogs) {
        ZipEntry entry = new ZipEntry(binlog.getFileName().toString());
        entry.setTime(0); // deterministic: the hash must not change with the file's time
        zip.putNextEntry(entry);
        Files.copy(binlog, zip);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the TDLib folder " + folder, e);
    }
    byte[] bytes = out.toByteArray();
    return Optional.of(new TdlibStateSnapshot(bytes, sha256(bytes)));
  }

  /** The binlogs in the folder, by name. */
  static List<Path> binlogs(Path folder) {
    return BINLOGS.stream().sorted().map(folder::resolve).filter(Files::isRegularFile).toList();
  }

  /**
   * Replaces the folder's TDLib files with the snapshot's: the files at the folder's top level are
   * removed first (a stale chat-info cache must not outlive the binlog it belongs to), {@code
   * files/} is kept. An entry that is not a plain binlog name (a path, {@code ..}) is refused
   * before anything is written.
   */
  void restoreInto(Path folder) {
    try {
      List<Entry> entries = read();
      Files.createDirectories(folder);
      try (Stream<Path> existing = Files.list(folder)) {
        for (Path file : existing.filter(Files::isRegularFile).toList()) {
          Files.delete(file);
        }
      }
      for (Entry entry : entries) {
        Path target = folder.resolve(entry.name());
        Path partial = folder.resolve(entry.name() + ".restoring");
        Files.write(partial, entry.content());
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not restore the TDLib folder " + folder, e);
    }
  }

  private record Entry(String name, byte[] content) {}

  private List<Entry> read() throws IOException {
    List<Entry> entries = new java.util.ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        if (entry.isDirectory() || !BINLOGS.contains(name)) {
          throw new IllegalArgumentException(
              "A TDLib snapshot holds only " + BINLOGS + ", not '" + name + "'");
        }
        byte[] content = zip.readNBytes((int) MAX_ENTRY_BYTES);
        if (zip.read() != -1) {
          throw new IllegalArgumentException("A TDLib snapshot entry is larger than 256 MiB");
        }
        entries.add(new Entry(name, content));
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("A TDLib snapshot without a binlog");
    }
    return entries;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
