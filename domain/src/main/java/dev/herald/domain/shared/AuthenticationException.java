package dev.herald.domain.shared;

/** Credentials were wrong or missing. The message never says which part was wrong. */
public class AuthenticationException extends DomainException {

  private static final long serialVersionUID = 1L;

  public AuthenticationException() {
    super(ProblemType.AUTHENTICATION_FAILED, "The email or password is not correct.");
  }
}
