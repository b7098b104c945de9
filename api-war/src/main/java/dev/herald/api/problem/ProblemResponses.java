package dev.herald.api.problem;

import dev.herald.api.web.RequestIds;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem responses the same way for every mapper; status and title from the catalogue. */
@ApplicationScoped
public class ProblemResponses {

  public static final String PROBLEM_JSON = "application/problem+json";

  @Inject HttpServletRequest request;

  public Response build(ProblemType type, String detail) {
    return build(type, detail, List.of());
  }

  public Response build(ProblemType type, String detail, List<FieldError> errors) {
    Problem problem =
        Problem.of(type, detail, request.getRequestURI(), RequestIds.of(request), errors);
    return Response.status(type.status()).type(PROBLEM_JSON).entity(problem).build();
  }
}
