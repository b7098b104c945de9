package dev.herald.api.problem;

import dev.herald.domain.shared.DomainException;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.UnprocessableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Domain failures to problems: the exception's {@code ProblemType} gives slug and status. */
@Provider
public class DomainProblemMapper implements ExceptionMapper<DomainException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(DomainException e) {
    return problems.build(e.type(), e.getMessage(), fieldErrors(e));
  }

  private static List<FieldError> fieldErrors(DomainException e) {
    if (e instanceof InvalidInputException invalid) {
      return invalid.errors();
    }
    if (e instanceof UnprocessableException unprocessable) {
      return unprocessable.errors();
    }
    return List.of();
  }
}
