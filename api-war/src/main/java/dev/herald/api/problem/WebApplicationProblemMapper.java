package dev.herald.api.problem;

import dev.herald.domain.shared.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own failures (unknown path 404, wrong method 405, unsupported Content-Type 415,
 * unacceptable Accept 406, unreadable body 400) as problems, keeping headers such as {@code Allow}.
 */
@Provider
public class WebApplicationProblemMapper implements ExceptionMapper<WebApplicationException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    ProblemType type = ProblemType.forStatus(original.getStatus());
    Response problem = problems.build(type, detailOf(type.status()));
    Response.ResponseBuilder builder = Response.fromResponse(problem);
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      builder.header(HttpHeaders.ALLOW, allow);
    }
    return builder.build();
  }

  private static String detailOf(int status) {
    return switch (status) {
      case 400 -> "The request body could not be read. Send valid JSON matching the API schema.";
      case 401 -> "Send a valid bearer token in the Authorization header.";
      case 403 -> "You may not do this.";
      case 404 -> "There is nothing here.";
      case 405 -> "This method is not allowed here; see the Allow header.";
      case 406 -> "This resource answers with application/json only.";
      case 415 -> "Send the body as application/json.";
      default -> "The request could not be handled.";
    };
  }
}
