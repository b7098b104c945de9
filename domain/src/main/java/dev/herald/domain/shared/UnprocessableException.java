package dev.herald.domain.shared;

import java.util.List;

/** Well-formed, but the stored state is not enough to do it (an incomplete bot config, ...). */
public class UnprocessableException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  public UnprocessableException(ProblemType type, String message, List<FieldError> errors) {
    super(type, message);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
