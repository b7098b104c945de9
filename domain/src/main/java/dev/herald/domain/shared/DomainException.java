package dev.herald.domain.shared;

/**
 * A failure a user can act on. {@link #type()} is its entry in the {@link ProblemType} catalogue:
 * the stable slug clients branch on and the HTTP status it answers with.
 */
public abstract class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProblemType type;

  protected DomainException(ProblemType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }
}
