package dev.herald.api.problem;

import dev.herald.api.web.RequestIds;
import dev.herald.domain.shared.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem responses the same way for every mapper. */
@ApplicationScoped
public class ProblemResponses {

  public static final String PROBLEM_JSON = "application/problem+json";

  @Inject HttpServletRequest request;

  public Response build(Response.StatusType status, String slug, String detail) {
    return build(status, slug, detail, List.of());
  }

  public Response build(
      Response.StatusType status, String slug, String detail, List<FieldError> errors) {
    Problem problem =
        new Problem(
            Problem.TYPE_BASE + slug,
            status.getReasonPhrase(),
            status.getStatusCode(),
            detail,
            request.getRequestURI(),
            RequestIds.of(request),
            errors.isEmpty() ? null : errors);
    return Response.status(status.getStatusCode()).type(PROBLEM_JSON).entity(problem).build();
  }
}
