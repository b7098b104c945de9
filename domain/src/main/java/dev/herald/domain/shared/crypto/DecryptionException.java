package dev.herald.domain.shared.crypto;

/** A sealed value could not be opened; the reason never includes any of the data. */
public class DecryptionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DecryptionException(String reason) {
    super("Cannot decrypt a stored secret: " + reason);
  }
}
