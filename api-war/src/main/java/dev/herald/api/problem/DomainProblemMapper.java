package dev.herald.api.problem;

import dev.herald.domain.shared.AuthenticationException;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.DomainException;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.ForbiddenException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.UnauthenticatedException;
import dev.herald.domain.shared.UnavailableException;
import dev.herald.domain.shared.UnprocessableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Domain failures to problems: the exception's class decides the status, its type the slug. */
@Provider
public class DomainProblemMapper implements ExceptionMapper<DomainException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(DomainException e) {
    return problems.build(statusOf(e), e.type(), e.getMessage(), fieldErrors(e));
  }

  static Response.StatusType statusOf(DomainException e) {
    if (e instanceof InvalidInputException) {
      return Status.BAD_REQUEST;
    }
    if (e instanceof NotFoundException) {
      return Status.NOT_FOUND;
    }
    if (e instanceof ConflictException) {
      return Status.CONFLICT;
    }
    if (e instanceof UnprocessableException) {
      return UNPROCESSABLE;
    }
    if (e instanceof ForbiddenException) {
      return Status.FORBIDDEN;
    }
    if (e instanceof AuthenticationException || e instanceof UnauthenticatedException) {
      return Status.UNAUTHORIZED;
    }
    if (e instanceof UnavailableException) {
      return Status.SERVICE_UNAVAILABLE;
    }
    return Status.BAD_REQUEST;
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

  /** JAX-RS 3.1's Status has no 422. */
  static final Response.StatusType UNPROCESSABLE =
      new Response.StatusType() {
        @Override
        public int getStatusCode() {
          return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
          return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
          return "Unprocessable Content";
        }
      };
}
