package dev.herald.api.media;

import dev.herald.domain.media.Medium;
import java.time.Instant;

/**
 * A stored medium on the wire: what the server read from its bytes ({@code kind}, {@code
 * content_type}, {@code size_bytes}, {@code sha256}) and the file name the client gave. Never the
 * bytes.
 */
public record MediumView(
    long id,
    String kind,
    String contentType,
    String fileName,
    long sizeBytes,
    String sha256,
    Instant createdAt) {

  public static MediumView of(Medium m) {
    return new MediumView(
        m.id(),
        m.kind().name(),
        m.contentType(),
        m.fileName(),
        m.sizeBytes(),
        m.sha256(),
        m.createdAt());
  }
}
