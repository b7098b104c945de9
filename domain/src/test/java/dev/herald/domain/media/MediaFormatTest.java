package dev.herald.domain.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MediaFormatTest {

  private static final Map<MediaFormat, Supplier<byte[]>> SAMPLES =
      Map.of(
          MediaFormat.JPEG, SampleMedia::jpeg,
          MediaFormat.PNG, SampleMedia::png,
          MediaFormat.GIF, SampleMedia::gif,
          MediaFormat.WEBP, SampleMedia::webp,
          MediaFormat.MP4, SampleMedia::mp4,
          MediaFormat.PDF, SampleMedia::pdf,
          MediaFormat.ZIP, SampleMedia::zip);

  @Test
  void everyFormatIsKnownByItsBytesAndAWholeFileIsWhole() {
    SAMPLES.forEach(
        (format, sample) -> {
          byte[] bytes = sample.get();
          assertEquals(Optional.of(format), MediaFormat.detect(bytes), format.name());
          assertTrue(format.isWhole(bytes), format.name());
        });
  }

  @Test
  void aFileCutShortIsNotWhole() {
    SAMPLES.forEach(
        (format, sample) -> {
          byte[] cut = SampleMedia.truncated(sample.get(), 3);
          assertEquals(Optional.of(format), MediaFormat.detect(cut), format.name());
          assertFalse(format.isWhole(cut), format.name());
        });
  }

  @Test
  void bytesOfNoAcceptedFormatAreNotDetectedWhateverTheirName() {
    assertEquals(
        Optional.empty(),
        MediaFormat.detect("just text, named photo.jpg".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), MediaFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    assertEquals(Optional.empty(), MediaFormat.detect(new byte[0]));
  }

  @Test
  void aClaimedContentTypeNamesItsFormatAndOctetStreamClaimsNothing() {
    assertEquals(Optional.of(MediaFormat.JPEG), MediaFormat.ofContentType("image/jpg"));
    assertEquals(Optional.of(MediaFormat.PNG), MediaFormat.ofContentType("IMAGE/PNG; q=1"));
    assertEquals(Optional.of(MediaFormat.MP4), MediaFormat.ofContentType("video/mp4"));
    assertEquals(Optional.empty(), MediaFormat.ofContentType("application/octet-stream"));
    assertEquals(Optional.empty(), MediaFormat.ofContentType("text/plain"));
  }

  @Test
  void kindsFollowTelegramsSendMethodsAndAlbumsTakePhotosAndVideosOnly() {
    assertEquals(MediaKind.PHOTO, MediaFormat.WEBP.kind());
    assertEquals(MediaKind.ANIMATION, MediaFormat.GIF.kind());
    assertEquals(MediaKind.VIDEO, MediaFormat.MP4.kind());
    assertEquals(MediaKind.DOCUMENT, MediaFormat.ZIP.kind());
    assertTrue(MediaKind.PHOTO.fitsAlbum() && MediaKind.VIDEO.fitsAlbum());
    assertFalse(MediaKind.ANIMATION.fitsAlbum() || MediaKind.DOCUMENT.fitsAlbum());
  }
}
