package dev.herald.domain.shared;

/** A feature is switched off by configuration (no billing secret, ...): 503 with a stable type. */
public class UnavailableException extends DomainException {

  private static final long serialVersionUID = 1L;

  public UnavailableException(ProblemType type, String message) {
    super(type, message);
  }
}
