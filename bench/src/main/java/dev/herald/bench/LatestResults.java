package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * bench/RESULTS.md: one section per benchmark, each its latest run, opened by a marker line {@code
 * <!-- latest: <main class> -->} and running to the next marker or the end. A benchmark without a
 * section gets one at the end.
 */
final class LatestResults {

  static final String MARKER = "<!-- latest: ";

  private LatestResults() {}

  /** Puts {@code entry} in place of {@code benchmark}'s section of {@code file}. */
  static void replace(Path file, String benchmark, String entry) throws IOException {
    String text =
        Files.exists(file)
            ? Files.readString(file)
            : "# Herald benchmark results: the latest run of each benchmark\n";
    Files.writeString(file, replaced(text, benchmark, entry));
  }

  static String replaced(String text, String benchmark, String entry) {
    String marker = MARKER + benchmark + " -->\n";
    String section = marker + entry.strip() + "\n\n";
    int start = text.indexOf(marker);
    if (start < 0) {
      return text.stripTrailing() + "\n\n" + section;
    }
    int next = text.indexOf(MARKER, start + marker.length());
    return text.substring(0, start) + section + (next < 0 ? "" : text.substring(next));
  }
}
