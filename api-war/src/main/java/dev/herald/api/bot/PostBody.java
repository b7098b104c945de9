package dev.herald.api.bot;

import dev.herald.domain.bot.BotConfigInput.ButtonInput;
import dev.herald.domain.bot.BotConfigInput.PostInput;
import dev.herald.domain.content.BotPost;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.telegram.UrlButton;
import java.util.List;

/**
 * One post of a configuration on the wire: {@code type} ({@code TEXT}, {@code FORWARD}, {@code
 * PHOTO}, {@code VIDEO}, {@code DOCUMENT}, {@code ANIMATION}, {@code ALBUM}), {@code text} (a media
 * post's caption) with its {@code format} ({@code PLAIN}, {@code MARKDOWN} for MarkdownV2, {@code
 * HTML}) and variants ({@code {Hello|Hi}}), {@code forward_source}, {@code media_ids} (ids from
 * {@code /media}, in order), and {@code buttons}: rows of {@code {text, url}}.
 */
public record PostBody(
    String type,
    String text,
    String format,
    String forwardSource,
    List<List<ButtonBody>> buttons,
    List<Long> mediaIds) {

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
                .toList(),
        mediaIds);
  }

  static PostBody of(BotPost post) {
    return new PostBody(
        post.type().name(),
        post.text(),
        post.format().name(),
        post.forwardSource() == null ? null : post.forwardSource().toLink(),
        buttonsOf(post.buttons()),
        mediaIdsOf(post.media()));
  }

  /** Null for no media, so text posts carry no empty member. */
  static List<Long> mediaIdsOf(List<MediaRef> media) {
    return media.isEmpty() ? null : media.stream().map(MediaRef::id).toList();
  }

  static List<List<ButtonBody>> buttonsOf(List<List<UrlButton>> rows) {
    return rows.stream()
        .map(row -> row.stream().map(b -> new ButtonBody(b.text(), b.url())).toList())
        .toList();
  }
}
