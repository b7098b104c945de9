package dev.herald.api.problem;

import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.ProblemType;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Bean Validation failures on request bodies: 400 listing each field in its JSON spelling. */
@Provider
public class ConstraintViolationProblemMapper
    implements ExceptionMapper<ConstraintViolationException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(jsonName(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return problems.build(ProblemType.INVALID_INPUT, "The request has invalid fields.", errors);
  }

  /** The last property of the path (skipping the method and parameter nodes), in snake case. */
  private static String jsonName(ConstraintViolation<?> violation) {
    String name = "body";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY) {
        name = node.getName();
      }
    }
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
