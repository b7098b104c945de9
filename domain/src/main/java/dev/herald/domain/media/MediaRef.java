package dev.herald.domain.media;

import java.util.Objects;

/**
 * A stored medium as a post names it: its id and its kind (so that a transport picks {@code
 * sendPhoto} or {@code sendVideo} without reading the medium). Stored with its post in the bot's
 * content JSON (BotPostsJson). The bytes are read only when the sender has no Telegram file id for
 * the medium yet.
 */
public record MediaRef(long id, MediaKind kind) {

  public MediaRef {
    Objects.requireNonNull(kind, "kind");
  }
}
