package dev.herald.domain.content;

import dev.herald.domain.media.MediaRef;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.UrlButton;
import java.util.List;
import java.util.Objects;

/**
 * One post of a bot as the tenant configured it: a text template (with variants, in its {@link
 * TextFormat}), a message to forward, or stored media with such a template as their optional
 * caption, and rows of URL buttons. Each send's {@link dev.herald.domain.telegram.Post} is rendered
 * from it by {@link CycleContent}.
 */
public record BotPost(
    PostType type,
    String text,
    TextFormat format,
    MessageLink forwardSource,
    List<List<UrlButton>> buttons,
    List<MediaRef> media) {

  public BotPost {
    Objects.requireNonNull(type, "type");
    format = format == null ? TextFormat.PLAIN : format;
    buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    media = media == null ? List.of() : List.copyOf(media);
  }

  /** A text or forward post: no media. */
  public BotPost(
      PostType type,
      String text,
      TextFormat format,
      MessageLink forwardSource,
      List<List<UrlButton>> buttons) {
    this(type, text, format, forwardSource, buttons, List.of());
  }

  public static BotPost plainText(String text) {
    return new BotPost(PostType.TEXT, text, TextFormat.PLAIN, null, List.of());
  }

  public static BotPost forward(MessageLink source) {
    return new BotPost(PostType.FORWARD, null, TextFormat.PLAIN, source, List.of());
  }

  /** True when the post has what its type needs to be sent. */
  public boolean complete() {
    if (type.carriesMedia()) {
      return !media.isEmpty();
    }
    return type == PostType.FORWARD ? forwardSource != null : text != null && !text.isBlank();
  }

  public boolean hasButtons() {
    return !buttons.isEmpty();
  }
}
