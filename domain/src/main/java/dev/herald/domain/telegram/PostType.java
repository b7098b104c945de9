package dev.herald.domain.telegram;

import dev.herald.domain.media.MediaKind;
import java.util.Optional;

/**
 * How a post is made: a new text message, a forward of an existing message, one medium with an
 * optional caption, or an album (one Telegram media group of 2 to 10 photos and videos).
 */
public enum PostType {
  TEXT,
  FORWARD,
  PHOTO,
  VIDEO,
  DOCUMENT,
  ANIMATION,
  ALBUM;

  /** The one kind of medium a single-medium post sends; empty for text, forwards and albums. */
  public Optional<MediaKind> singleMediumKind() {
    return switch (this) {
      case PHOTO -> Optional.of(MediaKind.PHOTO);
      case VIDEO -> Optional.of(MediaKind.VIDEO);
      case DOCUMENT -> Optional.of(MediaKind.DOCUMENT);
      case ANIMATION -> Optional.of(MediaKind.ANIMATION);
      case TEXT, FORWARD, ALBUM -> Optional.empty();
    };
  }

  /** True for the types that send stored media. */
  public boolean carriesMedia() {
    return this == ALBUM || singleMediumKind().isPresent();
  }
}
