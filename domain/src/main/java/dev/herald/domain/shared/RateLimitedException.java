package dev.herald.domain.shared;

/**
 * A client used up a rate limit. Carries what the RateLimit headers and {@code Retry-After} need:
 * the limit, what is left (0), and the seconds until a retry can succeed.
 */
public class RateLimitedException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final String limitName;
  private final long limit;
  private final long retryAfterSeconds;

  public RateLimitedException(String limitName, long limit, long retryAfterSeconds) {
    super(
        ProblemType.RATE_LIMITED,
        "Too many requests ("
            + limitName
            + " limit: "
            + limit
            + "). Retry after "
            + retryAfterSeconds
            + " s.");
    this.limitName = limitName;
    this.limit = limit;
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Which limit: {@code api}, {@code login}, {@code access-code}. */
  public String limitName() {
    return limitName;
  }

  public long limit() {
    return limit;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
