package dev.herald.domain.shared;

/**
 * The thing does not exist for this caller. Also used for things that exist but belong to another
 * account, so that existence is never leaked (SPEC rule 1).
 */
public class NotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(ProblemType.NOT_FOUND, message);
  }
}
