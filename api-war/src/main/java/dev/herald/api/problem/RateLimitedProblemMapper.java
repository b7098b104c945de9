package dev.herald.api.problem;

import dev.herald.domain.shared.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A used-up rate limit: 429 problem ({@code type} .../rate-limited) with Retry-After and RateLimit
 * headers, counted in the {@code rate_limit_rejections} metric by limit.
 */
@Provider
@ApplicationScoped
public class RateLimitedProblemMapper implements ExceptionMapper<RateLimitedException> {

  @Inject ProblemResponses problems;
  @Inject MetricRegistry metrics;

  @Override
  public Response toResponse(RateLimitedException e) {
    metrics.counter("rate_limit_rejections", new Tag("limit", e.limitName())).inc();
    return Response.fromResponse(problems.build(TOO_MANY_REQUESTS, e.type(), e.getMessage()))
        .header("Retry-After", e.retryAfterSeconds())
        .header("RateLimit-Limit", e.limit())
        .header("RateLimit-Remaining", 0)
        .header("RateLimit-Reset", e.retryAfterSeconds())
        .build();
  }

  static final Response.StatusType TOO_MANY_REQUESTS = Response.Status.TOO_MANY_REQUESTS;
}
