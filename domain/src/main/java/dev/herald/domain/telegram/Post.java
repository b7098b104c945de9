package dev.herald.domain.telegram;

import java.util.Objects;

/**
 * What a cycle posts: a text message, or a forward of an existing message given by its link.
 * Exactly one of {@code text} and {@code source} is set, matching {@code type}.
 */
public record Post(PostType type, String text, MessageLink source) {

  public Post {
    Objects.requireNonNull(type, "type");
    if (type == PostType.TEXT && (text == null || text.isBlank())) {
      throw new IllegalArgumentException("A TEXT post needs text");
    }
    if (type == PostType.FORWARD && source == null) {
      throw new IllegalArgumentException("A FORWARD post needs a source message link");
    }
  }

  public static Post text(String text) {
    return new Post(PostType.TEXT, text, null);
  }

  public static Post forward(MessageLink source) {
    return new Post(PostType.FORWARD, null, source);
  }
}
