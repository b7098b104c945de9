package dev.herald.domain.telegram;

import java.util.List;
import java.util.Objects;

/** A text as Telegram shows it: the characters, and the entities that format spans of them. */
public record FormattedText(String text, List<TextEntity> entities) {

  public FormattedText {
    Objects.requireNonNull(text, "text");
    entities = List.copyOf(entities);
  }

  public static FormattedText plain(String text) {
    return new FormattedText(text, List.of());
  }

  /** Telegram's length: UTF-16 code units after parsing, as its limits count them. */
  public int length() {
    return text.length();
  }
}
