package dev.herald.domain.shared;

/**
 * A request's proof of origin was missing or wrong (a bad webhook signature, a stale or replayed
 * event, an unknown access code). 401 with a stable type; nothing was changed.
 */
public class UnauthenticatedException extends DomainException {

  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(ProblemType type, String message) {
    super(type, message);
  }
}
