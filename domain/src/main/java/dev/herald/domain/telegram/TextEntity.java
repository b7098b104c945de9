package dev.herald.domain.telegram;

import java.util.Objects;

/**
 * One formatted span of a text, in the Bot API's terms: {@code type} is a Bot API {@code
 * MessageEntity} type ({@code bold}, {@code italic}, {@code text_link}, {@code pre}, ...), {@code
 * offset} and {@code length} count UTF-16 code units, {@code url} is set for {@code text_link} and
 * {@code language} for {@code pre} (both null otherwise).
 */
public record TextEntity(String type, int offset, int length, String url, String language) {

  public TextEntity {
    Objects.requireNonNull(type, "type");
    if (offset < 0 || length < 1) {
      throw new IllegalArgumentException("An entity covers at least one character");
    }
  }

  public static TextEntity of(String type, int offset, int length) {
    return new TextEntity(type, offset, length, null, null);
  }
}
