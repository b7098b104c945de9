package dev.herald.domain.shared;

import java.util.Locale;
import java.util.Optional;

/** Reads an enum constant as a client may write it: any case, surrounding blanks ignored. */
public final class Enums {

  private Enums() {}

  /** The constant named {@code raw}, or empty when {@code raw} is null, blank or unknown. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
