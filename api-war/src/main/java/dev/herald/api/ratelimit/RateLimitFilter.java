package dev.herald.api.ratelimit;

import dev.herald.api.config.ApiSettings;
import dev.herald.api.problem.RateLimitedProblemMapper;
import dev.herald.domain.ratelimit.RateLimitDecision;
import dev.herald.domain.ratelimit.RateLimiter;
import dev.herald.domain.shared.RateLimitedException;
import dev.herald.domain.shared.RepeatedFailureLog;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * The global per-client limit on every {@code /api/v1} request, before matching and before
 * authorization, so unauthenticated floods are counted too. Allowed responses carry the RateLimit
 * headers; a refusal is a 429 problem with {@code Retry-After}. If the limiter's storage fails the
 * request goes on (logged): the limiter must not be what takes the API down.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(RateLimitFilter.class.getName());

  /** Every request while the database is away: logged once per outage. */
  private static final RepeatedFailureLog UNCHECKED =
      new RepeatedFailureLog(LOG, "Checking the global rate limit");

  private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  @Inject RateLimiter limiter;
  @Inject ApiSettings settings;
  @Inject ClientAddress clients;
  @Inject RateLimitedProblemMapper problems;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    RateLimitDecision decision;
    try {
      decision = limiter.tryAcquire(settings.globalRateLimit(), clients.of(request));
      UNCHECKED.succeeded();
    } catch (RuntimeException storageDown) {
      UNCHECKED.failed(storageDown.toString());
      return;
    }
    context.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      context.abortWith(
          problems.toResponse(
              new RateLimitedException("api", decision.limit(), decision.retryAfterSeconds())));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimitDecision decision
        && !response.getHeaders().containsKey("RateLimit-Limit")) {
      RateLimitHeaders.apply(decision, response.getHeaders());
    }
  }
}
