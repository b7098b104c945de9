package dev.herald.domain.shared;

/**
 * A failure a user can act on. {@link #type()} is a stable, documented slug (the last segment of
 * the problem {@code type} URI), so clients can branch on it without parsing messages.
 */
public abstract class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String type;

  protected DomainException(String type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public String type() {
    return type;
  }
}
