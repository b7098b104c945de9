package dev.herald.api.problem;

import dev.herald.domain.shared.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A used-up rate limit: 429 problem ({@code type} .../rate-limited) with Retry-After and RateLimit headers. */
@Provider
@ApplicationScoped
public class RateLimitedProblemMapper implements ExceptionMapper<RateLimitedException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(RateLimitedException e) {
    return Response.fromResponse(problems.build(TOO_MANY_REQUESTS, e.type(), e.getMessage()))
        .header("Retry-After", e.retryAfterSeconds())
        .header("RateLimit-Limit", e.limit())
        .header("RateLimit-Remaining", 0)
        .header("RateLimit-Reset", e.retryAfterSeconds())
        .build();
  }

  static final Response.StatusType TOO_MANY_REQUESTS = Response.Status.TOO_MANY_REQUESTS;
}
