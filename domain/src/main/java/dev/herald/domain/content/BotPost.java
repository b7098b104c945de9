package dev.herald.domain.content;

import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.UrlButton;
import java.util.List;
import java.util.Objects;

/**
 * One post of a bot as the tenant configured it: a text template (with variants, in its {@link
 * TextFormat}) or a message to forward, and rows of URL buttons. Each send's {@link
 * dev.herald.domain.telegram.Post} is rendered from it by {@link CycleContent}.
 */
public record BotPost(
    PostType type,
    String text,
    TextFormat format,
    MessageLink forwardSource,
    List<List<UrlButton>> buttons) {

  public BotPost {
    Objects.requireNonNull(type, "type");
    format = format == null ? TextFormat.PLAIN : format;
    buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
  }

  public static BotPost plainText(String text) {
    return new BotPost(PostType.TEXT, text, TextFormat.PLAIN, null, List.of());
  }

  public static BotPost forward(MessageLink source) {
    return new BotPost(PostType.FORWARD, null, TextFormat.PLAIN, source, List.of());
  }

  /** True when the post has what its type needs to be sent. */
  public boolean complete() {
    return type == PostType.FORWARD ? forwardSource != null : text != null && !text.isBlank();
  }

  public boolean hasButtons() {
    return !buttons.isEmpty();
  }
}
