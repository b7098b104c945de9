package dev.herald.domain.telegram;

import java.util.List;
import java.util.Objects;

/**
 * What one send posts: a text message (plain text plus its entities, already parsed and with its
 * variants chosen), or a forward of an existing message given by its link; either may carry rows of
 * URL buttons (bots only). Exactly one of {@code text} and {@code source} is set, matching {@code
 * type}.
 */
public record Post(
    PostType type,
    String text,
    List<TextEntity> entities,
    MessageLink source,
    List<List<UrlButton>> buttons) {

  public Post {
    Objects.requireNonNull(type, "type");
    if (type == PostType.TEXT && (text == null || text.isBlank())) {
      throw new IllegalArgumentException("A TEXT post needs text");
    }
    if (type == PostType.FORWARD && source == null) {
      throw new IllegalArgumentException("A FORWARD post needs a source message link");
    }
    entities = entities == null ? List.of() : List.copyOf(entities);
    buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
  }

  public static Post text(String text) {
    return new Post(PostType.TEXT, text, List.of(), null, List.of());
  }

  public static Post text(FormattedText text, List<List<UrlButton>> buttons) {
    return new Post(PostType.TEXT, text.text(), text.entities(), null, buttons);
  }

  public static Post forward(MessageLink source) {
    return new Post(PostType.FORWARD, null, List.of(), source, List.of());
  }

  /** The same post without its buttons, for senders that cannot send them (user accounts). */
  public Post withoutButtons() {
    return buttons.isEmpty() ? this : new Post(type, text, entities, source, List.of());
  }

  public boolean hasButtons() {
    return !buttons.isEmpty();
  }
}
