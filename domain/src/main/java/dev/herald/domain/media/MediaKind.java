package dev.herald.domain.media;

/**
 * What Telegram makes of a medium: the post type that sends it alone and whether it may be part of
 * an album (Telegram's media groups mix photos and videos only).
 */
public enum MediaKind {
  PHOTO,
  VIDEO,
  ANIMATION,
  DOCUMENT;

  /** Albums hold photos and videos; animations and documents are sent alone. */
  public boolean fitsAlbum() {
    return this == PHOTO || this == VIDEO;
  }
}
