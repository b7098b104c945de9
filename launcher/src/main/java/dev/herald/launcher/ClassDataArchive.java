package dev.herald.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * HotSpot application class-data sharing (AppCDS) for an installed Liberty server: the first start
 * of a server (its first install) records the classes it loads and writes them into a dynamic
 * archive when the server stops ({@code -XX:ArchiveClassesAtExit}); every later start maps that
 * archive ({@code -XX:SharedArchiveFile}) instead of reading, parsing and verifying those classes
 * again. HotSpot 17 archives the JDK's classes and, as "unregistered" classes, those of Liberty's
 * bundle class loaders, which it hands back only when a loader defines a class of the same name,
 * size and CRC: a changed bundle's classes are simply loaded from the bundle.
 *
 * <p>The options go into the server's {@code configDropins/defaults/jvm.options}, which Liberty's
 * {@code server} script passes to the server JVM only; {@code JVM_ARGS} would also reach the
 * script's short-lived status and stop JVMs, which would then write archives of their own. Both
 * runs need {@code -XX:+AllowArchivingWithJavaAgent} (a diagnostic option), since the preflight
 * agent runs in the server JVM, and the archive records it.
 *
 * <p>The archive is built on this machine, never committed. A missing, partial or stale one does
 * not stop the server: HotSpot checks its header (JVM build, class path with the launcher jar's
 * size and time, the options above) and starts without it when they differ. It is written again
 * when it is older than Liberty's launcher jar (a new runtime) or missing.
 */
public final class ClassDataArchive {

  /** The server JVM's options file that Liberty reads after its defaults, before jvm.options. */
  static final Path OPTIONS_FILE = Path.of("configDropins/defaults/jvm.options");

  static final Path ARCHIVE_FILE = Path.of("cds/herald.jsa");

  static final String SWITCH = "herald.class-data-archive";

  private final Path serverDir;
  private final Path launcherJar;

  public ClassDataArchive(Path wlpDir, Path serverDir) {
    this.serverDir = serverDir;
    this.launcherJar = wlpDir.resolve("bin/tools/ws-server.jar");
  }

  public Path archive() {
    return serverDir.resolve(ARCHIVE_FILE);
  }

  /** Whether the next start maps the archive (true) or records one (false). */
  public boolean usable() {
    Path archive = archive();
    try {
      return Files.isRegularFile(archive)
          && Files.size(archive) > 0
          && !Files.getLastModifiedTime(archive).toInstant().isBefore(modified(launcherJar));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes the options for the next start: map the archive when it is usable, else delete what is
   * there and record a new one.
   */
  public void prepareStart() {
    if (!enabled()) {
      writeOptions(List.of("# Class-data archive off (" + SWITCH + "=false)."));
      return;
    }
    boolean use = usable();
    try {
      Files.createDirectories(archive().getParent());
      if (!use) {
        Files.deleteIfExists(archive());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeOptions(options(use));
  }

  /**
   * Off with {@code -Dherald.class-data-archive=false}: the system tests start fresh servers once
   * each, so recording an archive (written at every first stop, ~100 MB) would only cost them time.
   */
  public static boolean enabled() {
    return Boolean.parseBoolean(System.getProperty(SWITCH, "true"));
  }

  private void writeOptions(List<String> lines) {
    try {
      Path options = serverDir.resolve(OPTIONS_FILE);
      Files.createDirectories(options.getParent());
      Files.write(options, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> options(boolean use) {
    return List.of(
        "# Written by dev.herald.launcher.ClassDataArchive before each start (see its Javadoc).",
        "-XX:+UnlockDiagnosticVMOptions",
        "-XX:+AllowArchivingWithJavaAgent",
        (use ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=") + archive());
  }

  private static Instant modified(Path file) throws IOException {
    return Files.exists(file) ? Files.getLastModifiedTime(file).toInstant() : Instant.EPOCH;
  }
}
