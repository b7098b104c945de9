package dev.herald.domain.media;

/** A checked upload, ready to store: what {@link MediaStore#insert} writes in one transaction. */
public record NewMedium(
    long accountId, MediaFormat format, String fileName, byte[] bytes, String sha256) {}
