package dev.herald.domain.shared;

/** The caller is known but may not do this (a plan that does not allow it, a missing role). */
public class ForbiddenException extends DomainException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(ProblemType type, String message) {
    super(type, message);
  }
}
