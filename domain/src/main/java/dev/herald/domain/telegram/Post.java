package dev.herald.domain.telegram;

import dev.herald.domain.media.MediaRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one send posts: a text message (plain text plus its entities, already parsed and with its
 * variants chosen), a forward of an existing message given by its link, or stored media ({@link
 * #media}) with {@code text} and its entities as their optional caption; any of them may carry rows
 * of URL buttons (bots only). The type says which fields are set: TEXT has text, FORWARD a source,
 * PHOTO/VIDEO/DOCUMENT/ANIMATION one medium of that kind, ALBUM 2 to 10 photos and videos (the
 * caption goes on the album's first item, as Telegram shows it).
 */
public record Post(
    PostType type,
    String text,
    List<TextEntity> entities,
    MessageLink source,
    List<MediaRef> media,
    List<List<UrlButton>> buttons) {

  /** Telegram's media group: 2 to 10 items. */
  public static final int MIN_ALBUM_SIZE = 2;

  public static final int MAX_ALBUM_SIZE = 10;

  public Post {
    Objects.requireNonNull(type, "type");
    if (type == PostType.TEXT && (text == null || text.isBlank())) {
      throw new IllegalArgumentException("A TEXT post needs text");
    }
    if (type == PostType.FORWARD && source == null) {
      throw new IllegalArgumentException("A FORWARD post needs a source message link");
    }
    entities = entities == null ? List.of() : List.copyOf(entities);
    media = media == null ? List.of() : List.copyOf(media);
    buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    if (type.singleMediumKind().isPresent()
        && (media.size() != 1 || media.get(0).kind() != type.singleMediumKind().get())) {
      throw new IllegalArgumentException("A " + type + " post needs one medium of that kind");
    }
    if (type == PostType.ALBUM
        && (media.size() < MIN_ALBUM_SIZE
            || media.size() > MAX_ALBUM_SIZE
            || !media.stream().allMatch(m -> m.kind().fitsAlbum()))) {
      throw new IllegalArgumentException("An ALBUM needs 2 to 10 photos and videos");
    }
    if (!type.carriesMedia() && !media.isEmpty()) {
      throw new IllegalArgumentException("A " + type + " post carries no media");
    }
  }

  public static Post text(String text) {
    return new Post(PostType.TEXT, text, List.of(), null, List.of(), List.of());
  }

  public static Post text(FormattedText text, List<List<UrlButton>> buttons) {
    return new Post(PostType.TEXT, text.text(), text.entities(), null, List.of(), buttons);
  }

  public static Post forward(MessageLink source) {
    return new Post(PostType.FORWARD, null, List.of(), source, List.of(), List.of());
  }

  /** A media post: one medium or an album, with an optional caption (null or blank: none). */
  public static Post media(PostType type, String caption, List<MediaRef> media) {
    return new Post(
        type, caption == null || caption.isBlank() ? null : caption, List.of(), null, media, null);
  }

  /** A media post with a formatted caption (null: none) and buttons. */
  public static Post media(
      PostType type, FormattedText caption, List<MediaRef> media, List<List<UrlButton>> buttons) {
    boolean none = caption == null || caption.text().isBlank();
    return new Post(
        type,
        none ? null : caption.text(),
        none ? List.of() : caption.entities(),
        null,
        media,
        buttons);
  }

  /** The same post without its buttons, for senders that cannot send them (user accounts). */
  public Post withoutButtons() {
    return buttons.isEmpty() ? this : new Post(type, text, entities, source, media, List.of());
  }

  public boolean hasButtons() {
    return !buttons.isEmpty();
  }

  /** The caption of a media post, if it has one. */
  public Optional<String> caption() {
    return type.carriesMedia() ? Optional.ofNullable(text) : Optional.empty();
  }
}
