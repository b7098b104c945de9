package dev.herald.api.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Liberty's server.xml writes them ({@code 30s}, {@code 2m}, {@code 1h30m}, {@code
 * 500ms}), so a value that configured Liberty's token check before configures Herald's the same; a
 * bare number is seconds.
 */
final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private Durations() {}

  static Duration parse(String text, String name) {
    String value = text == null ? "" : text.strip();
    if (value.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    Matcher part = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
              });
      end = part.end();
    }
    if (value.isEmpty() || end != value.length()) {
      throw new IllegalStateException(
          name + "=" + text + " is not a duration; write it as 30s, 2m or 1m30s.");
    }
    return total;
  }
}
