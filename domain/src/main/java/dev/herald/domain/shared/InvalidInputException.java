package dev.herald.domain.shared;

import java.util.List;

/** The request is malformed or breaks a rule about a field; nothing was changed. */
public class InvalidInputException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(ProblemType.INVALID_INPUT, "The request has invalid fields.");
    this.errors = List.copyOf(errors);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
