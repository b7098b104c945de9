package dev.herald.domain.telegram;

/** How a post is made: a new text message, or a forward of an existing message. */
public enum PostType {
  TEXT,
  FORWARD
}
