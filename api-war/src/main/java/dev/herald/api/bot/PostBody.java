package dev.herald.api.bot;

import dev.herald.domain.bot.BotConfigInput.ButtonInput;
import dev.herald.domain.bot.BotConfigInput.PostInput;
import dev.herald.domain.content.BotPost;
import dev.herald.domain.telegram.UrlButton;
import java.util.List;

/**
 * One post of a configuration on the wire: {@code type} ({@code TEXT}, {@code FORWARD}), {@code
 * text} with its {@code format} ({@code PLAIN}, {@code MARKDOWN} for MarkdownV2, {@code HTML}) and
 * variants ({@code {Hello|Hi}}), {@code forward_source}, and {@code buttons}: rows of {@code {text,
 * url}}.
 */
public record PostBody(
    String type, String text, String format, String forwardSource, List<List<ButtonBody>> buttons) {

  /** A URL button on the wire. */
  public record ButtonBody(String text, String url) {}

  PostInput toInput() {
    return new PostInput(
        type,
        text,
        format,
        forwardSource,
        buttons == null
            ? null
            : buttons.stream()
                .map(
                    row ->
                        row == null
                            ? null
                            : row.stream()
                                .map(b -> b == null ? null : new ButtonInput(b.text(), b.url()))
                                .toList())
                .toList());
  }

  static PostBody of(BotPost post) {
    return new PostBody(
        post.type().name(),
        post.text(),
        post.format().name(),
        post.forwardSource() == null ? null : post.forwardSource().toLink(),
        buttonsOf(post.buttons()));
  }

  static List<List<ButtonBody>> buttonsOf(List<List<UrlButton>> rows) {
    return rows.stream()
        .map(row -> row.stream().map(b -> new ButtonBody(b.text(), b.url())).toList())
        .toList();
  }
}
