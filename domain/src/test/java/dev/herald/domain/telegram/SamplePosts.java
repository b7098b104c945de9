package dev.herald.domain.telegram;

import dev.herald.domain.media.MediaRef;
import java.util.ArrayList;
import java.util.List;

/** Posts the transports' tests send alike, so each transport is checked on the same content. */
public final class SamplePosts {

  private SamplePosts() {}

  /**
   * "Hello via Bot API" with "Bot API" bold (offset 10, length 7) and "Hello" linked to
   * https://example.com/, then the entities {@code more}, under these buttons.
   */
  public static Post boldAndLinkedText(List<List<UrlButton>> buttons, TextEntity... more) {
    List<TextEntity> entities = new ArrayList<>();
    entities.add(TextEntity.of("bold", 10, 7));
    entities.add(new TextEntity("text_link", 0, 5, "https://example.com/", null));
    entities.addAll(List.of(more));
    return Post.text(new FormattedText("Hello via Bot API", entities), buttons);
  }

  /** A photo captioned "Tonight at 8" whose first seven characters are bold, with no buttons. */
  public static Post boldCaptionedPhoto(MediaRef photo) {
    return Post.media(
        PostType.PHOTO,
        new FormattedText("Tonight at 8", List.of(TextEntity.of("bold", 0, 7))),
        List.of(photo),
        List.of());
  }
}
