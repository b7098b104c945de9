package dev.herald.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The check every parser of tenant-typed text shares in its fuzz test: the bytes, read as UTF-8,
 * parse without throwing, and what parses prints as text that parses back to the same value.
 */
public final class ParsedInput {

  private ParsedInput() {}

  /**
   * {@code input} parsed by {@code tryParse}, after asserting that its printed form ({@code print})
   * parses back to it; empty when the text is not one.
   */
  public static <T> Optional<T> roundTripped(
      byte[] input, Function<String, Optional<T>> tryParse, Function<T, String> print) {
    Optional<T> parsed = tryParse.apply(new String(input, StandardCharsets.UTF_8));
    parsed.ifPresent(value -> assertEquals(parsed, tryParse.apply(print.apply(value))));
    return parsed;
  }
}
