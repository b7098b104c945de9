package dev.herald.domain.media;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored medium's description (never its bytes): whose it is, what the bytes are ({@code
 * contentType} and {@code kind} as read from them, not as the client named them), their size and
 * SHA-256, and the file name the client gave, kept only to show it back.
 */
public record Medium(
    long id,
    long accountId,
    MediaKind kind,
    String contentType,
    String fileName,
    long sizeBytes,
    String sha256,
    Instant createdAt) {

  public Medium {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(contentType, "contentType");
  }

  public MediaRef ref() {
    return new MediaRef(id, kind);
  }
}
