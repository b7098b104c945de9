package dev.herald.domain.shared.crypto;

/**
 * A stored secret could not be decrypted: it was altered, truncated, or encrypted under a key that
 * is not configured. Never recovered from silently; the message holds no secret.
 */
public class DecryptionException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public DecryptionException(String reason) {
    super("Cannot decrypt a stored secret: " + reason);
  }
}
