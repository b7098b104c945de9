package dev.herald.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The malformed values the API fuzzer puts in place of a JSON member, a path segment, a query
 * parameter or a header: JSON snippets (raw text, so numbers beyond any Java type, lone surrogates
 * and deep nesting go on the wire as they are) and plain strings.
 */
final class FuzzValues {

  private FuzzValues() {}

  /** Strings that stress parsers, validators and the database (sent as JSON strings or as text). */
  static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "\t\n\r",
          "a".repeat(10_000),
          "\u0000",
          "nul\u0000inside",
          "\u202e\u202dreversed",
          "\ud83d\ude00\ud83d\udca9",
          "\u200b\u200c\u200d\ufeff",
          "\u00c4\u00d6\u00dc \u00df \u65e5\u672c\u8a9e \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
          "' OR '1'='1' --",
          "\"; DROP TABLE account; --",
          "1; SELECT pg_sleep(10)",
          "%s%s%s%n",
          "${jndi:ldap://127.0.0.1/a}",
          "#{7*7}",
          "<script>alert(1)</script>",
          "../../../../etc/passwd",
          "\\",
          "\"",
          "-1",
          "0",
          "99999999999999999999999",
          "1e309",
          "NaN",
          "Infinity",
          "null",
          "true",
          "[]",
          "{}",
          "2030-13-45T99:99:99Z",
          "9999-12-31T23:59:59Z",
          "0000-01-01T00:00:00Z",
          "-999999999-01-01T00:00:00Z",
          "+1000000000-01-01T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "2030-01-01",
          "USER",
          "OWNER",
          "RUNNING",
          "admin@herald.local",
          "not-an-email",
          "@",
          "@a",
          "https://t.me/",
          "https://t.me/c/1/2",
          "-100",
          "+",
          "+99999999999999999999",
          "HRLD-",
          "sha256=",
          "Bearer",
          "\u00ff\u00fe");

  /** JSON values of every type and edge, as raw JSON text. */
  static final List<String> JSON = json();

  private static List<String> json() {
    List<String> values =
        new ArrayList<>(
            List.of(
                "null",
                "true",
                "false",
                "0",
                "-1",
                "1",
                "2147483647",
                "2147483648",
                "-2147483648",
                "-2147483649",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809",
                "123456789012345678901234567890",
                "1e308",
                "1e309",
                "-1e309",
                "1.5",
                "-0.0",
                "0.0000000001",
                "1E2",
                "[]",
                "{}",
                "[null]",
                "[1,2,3]",
                "{\"a\":{\"b\":{\"c\":[]}}}",
                "\"\\ud800\"",
                "\"\\udfff\\ud800\"",
                "\"\\u0000\"",
                "[" + "\"x\",".repeat(5_000) + "\"x\"]",
                "[".repeat(2_000) + "]".repeat(2_000),
                "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000)));
    STRINGS.forEach(s -> values.add(quote(s)));
    return List.copyOf(values);
  }

  /** A JSON string literal. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A random JSON value: a random string (any code points), number, literal or small tree. */
  static String randomJson(Random random, int depth) {
    return switch (random.nextInt(depth > 2 ? 5 : 7)) {
      case 0 -> quote(randomString(random));
      case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
      case 2 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
      case 3 -> JSON.get(random.nextInt(JSON.size()));
      case 4 -> random.nextBoolean() ? "null" : Boolean.toString(random.nextBoolean());
      case 5 -> {
        StringBuilder b = new StringBuilder("[");
        for (int i = random.nextInt(4); i > 0; i--) {
          b.append(randomJson(random, depth + 1)).append(i > 1 ? "," : "");
        }
        yield b.append(']').toString();
      }
      default -> {
        StringBuilder b = new StringBuilder("{");
        for (int i = random.nextInt(4); i > 0; i--) {
          b.append(quote(randomString(random)))
              .append(':')
              .append(randomJson(random, depth + 1))
              .append(i > 1 ? "," : "");
        }
        yield b.append('}').toString();
      }
    };
  }

  /** Up to 300 random characters: ASCII, Latin, CJK, emoji, controls and lone surrogates. */
  static String randomString(Random random) {
    int n = random.nextInt(10) == 0 ? random.nextInt(300) : random.nextInt(20);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(6)) {
        case 0 -> b.append((char) (0x20 + random.nextInt(0x5f)));
        case 1 -> b.append((char) random.nextInt(0x20));
        case 2 -> b.append((char) (0xa0 + random.nextInt(0x2000)));
        case 3 -> b.appendCodePoint(0x1f300 + random.nextInt(0x300));
        case 4 -> b.append((char) (0xd800 + random.nextInt(0x800)));
        default -> b.append("'\"\\<>{}[]%$#;&|`".charAt(random.nextInt(16)));
      }
    }
    return b.toString().replaceAll("(?i)exception|error|java", "x");
  }

  /** A random ASCII-printable string for URLs and headers. */
  static String randomAscii(Random random) {
    int n = random.nextInt(40);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) (0x21 + random.nextInt(0x5e)));
    }
    return b.toString();
  }
}
