package dev.herald.domain.media;

import java.util.Objects;

/**
 * One file as a client uploaded it, before {@link MediaService} checked it: the bytes, the content
 * type the client claimed for them (null when it claimed none) and the file name it gave.
 */
public record MediaUpload(String fileName, String claimedContentType, byte[] bytes) {

  public MediaUpload {
    Objects.requireNonNull(bytes, "bytes");
  }
}
