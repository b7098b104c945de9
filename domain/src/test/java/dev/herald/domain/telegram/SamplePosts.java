package dev.herald.domain.telegram;

import dev.herald.domain.media.MediaRef;
import java.util.List;

/** Posts the transports' tests send alike, so each transport is checked on the same content. */
public final class SamplePosts {

  private SamplePosts() {}

  /** A photo captioned "Tonight at 8" whose first seven characters are bold, with no buttons. */
  public static Post boldCaptionedPhoto(MediaRef photo) {
    return Post.media(
        PostType.PHOTO,
        new FormattedText("Tonight at 8", List.of(TextEntity.of("bold", 0, 7))),
        List.of(photo),
        List.of());
  }
}
