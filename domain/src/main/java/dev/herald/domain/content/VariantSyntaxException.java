package dev.herald.domain.content;

/** A variant template that does not parse; the message names the character and the fix. */
public class VariantSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public VariantSyntaxException(String message) {
    super(message);
  }
}
