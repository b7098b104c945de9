package dev.herald.domain.telegram;

/** A text that does not parse in its format; the message says where and why, for the tenant. */
public class TextFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TextFormatException(String message) {
    super(message);
  }
}
