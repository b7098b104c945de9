package dev.herald.domain.telegram;

import dev.herald.domain.media.MediaRef;
import java.util.List;
import java.util.Objects;

/**
 * What a cycle posts: a text message, a forward of an existing message given by its link, or stored
 * media ({@link #media}) with {@code text} as their optional caption. The type says which fields
 * are set: TEXT has text, FORWARD a source, PHOTO/VIDEO/DOCUMENT/ANIMATION one medium of that kind,
 * ALBUM 2 to 10 photos and videos (the caption goes on the album's first item, as Telegram shows
 * it).
 */
public record Post(PostType type, String text, MessageLink source, List<MediaRef> media) {

  /** Telegram's media group: 2 to 10 items. */
  public static final int MIN_ALBUM_SIZE = 2;

  public static final int MAX_ALBUM_SIZE = 10;

  public Post {
    Objects.requireNonNull(type, "type");
    media = media == null ? List.of() : List.copyOf(media);
    if (type == PostType.TEXT && (text == null || text.isBlank())) {
      throw new IllegalArgumentException("A TEXT post needs text");
    }
    if (type == PostType.FORWARD && source == null) {
      throw new IllegalArgumentException("A FORWARD post needs a source message link");
    }
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

  public Post(PostType type, String text, MessageLink source) {
    this(type, text, source, List.of());
  }

  public static Post text(String text) {
    return new Post(PostType.TEXT, text, null);
  }

  public static Post forward(MessageLink source) {
    return new Post(PostType.FORWARD, null, source);
  }

  /** A media post: one medium or an album, with an optional caption (null or blank: none). */
  public static Post media(PostType type, String caption, List<MediaRef> media) {
    return new Post(type, caption == null || caption.isBlank() ? null : caption, null, media);
  }

  /** The caption of a media post, if it has one. */
  public java.util.Optional<String> caption() {
    return type.carriesMedia() ? java.util.Optional.ofNullable(text) : java.util.Optional.empty();
  }
}
