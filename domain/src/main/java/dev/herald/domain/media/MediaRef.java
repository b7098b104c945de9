package dev.herald.domain.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stored medium as a post names it: its id and its kind (so that a transport picks {@code
 * sendPhoto} or {@code sendVideo} without reading the medium). The bytes are read only when the
 * sender has no Telegram file id for the medium yet.
 */
public record MediaRef(long id, MediaKind kind) {

  public MediaRef {
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * The column form of a post's media ({@code PHOTO:12,VIDEO:13}): one short text the engine's
   * claim returns as it is, so text posts (null) cost nothing.
   */
  public static String format(List<MediaRef> media) {
    if (media.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (MediaRef ref : media) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(ref.kind.name()).append(':').append(ref.id);
    }
    return out.toString();
  }

  /** Reads {@link #format}'s text back; null or blank is no media. */
  public static List<MediaRef> parse(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    List<MediaRef> media = new ArrayList<>();
    for (String item : column.split(",")) {
      int colon = item.indexOf(':');
      media.add(
          new MediaRef(
              Long.parseLong(item.substring(colon + 1)),
              MediaKind.valueOf(item.substring(0, colon))));
    }
    return List.copyOf(media);
  }
}
