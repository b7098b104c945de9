package dev.herald.domain.shared;

/** The request is valid but the current state does not allow it (no free session, ...). */
public class ConflictException extends DomainException {

  private static final long serialVersionUID = 1L;

  public ConflictException(ProblemType type, String message) {
    super(type, message);
  }
}
