package dev.herald.api.problem;

import dev.herald.api.ratelimit.RateLimitHeaders;
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
 * headers, counted in the {@code herald_rate_limit_rejections} metric by limit.
 */
@Provider
@ApplicationScoped
public class RateLimitedProblemMapper implements ExceptionMapper<RateLimitedException> {

  @Inject ProblemResponses problems;
  @Inject MetricRegistry metrics;

  @Override
  public Response toResponse(RateLimitedException e) {
    metrics.counter("herald_rate_limit_rejections", new Tag("limit", e.limitName())).inc();
    return Response.fromResponse(problems.build(e.type(), e.getMessage()))
        .header(RateLimitHeaders.RETRY_AFTER, e.retryAfterSeconds())
        .header(RateLimitHeaders.LIMIT, e.limit())
        .header(RateLimitHeaders.REMAINING, 0)
        .header(RateLimitHeaders.RESET, e.retryAfterSeconds())
        .build();
  }
}
