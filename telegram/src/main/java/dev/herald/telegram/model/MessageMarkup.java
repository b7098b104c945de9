package dev.herald.telegram.model;

import java.util.List;
import java.util.Objects;

/**
 * What a message carries besides its text: formatting entities (Bot API type names, UTF-16 offsets)
 * and an inline keyboard of URL buttons. Telegram refuses an entity outside the text ({@code
 * ENTITY_BOUNDS_INVALID}) and ignores an inline keyboard sent by a user account (only bots have
 * them); {@link TelegramWorld} does the same and its {@link SendLog} keeps what was accepted.
 */
public record MessageMarkup(List<Entity> entities, List<List<Button>> keyboard) {

  public static final MessageMarkup NONE = new MessageMarkup(List.of(), List.of());

  /** A formatted span: {@code url} for {@code text_link}, else null. */
  public record Entity(String type, int offset, int length, String url) {}

  /** A URL button. */
  public record Button(String text, String url) {}

  public MessageMarkup {
    entities = List.copyOf(entities);
    keyboard = keyboard.stream().map(List::copyOf).toList();
  }

  /** True when every entity lies inside {@code text}. */
  boolean fits(String text) {
    Objects.requireNonNull(text, "text");
    for (Entity e : entities) { // a loop, not a stream: every send asks, most with no entities
      if (e.offset() < 0 || e.length() <= 0 || e.offset() + e.length() > text.length()) {
        return false;
      }
    }
    return true;
  }

  /** As a user account's message arrives: the keyboard dropped. */
  MessageMarkup withoutKeyboard() {
    return keyboard.isEmpty() ? this : new MessageMarkup(entities, List.of());
  }
}
