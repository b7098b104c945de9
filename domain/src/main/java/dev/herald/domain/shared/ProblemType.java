package dev.herald.domain.shared;

/**
 * Every kind of problem the API answers with, in one catalogue: the slug (the last segment of the
 * problem {@code type} URI, which clients branch on and which never changes), the HTTP status and
 * the title. Domain exceptions, the JAX-RS mappers and the servlet filters all take their problem
 * from here, so a slug cannot drift between two places.
 */
public enum ProblemType {
  // Request shape: the client can fix the request and send it again.
  BAD_REQUEST("bad-request", 400, "Bad request"),
  INVALID_INPUT("invalid-input", 400, "Invalid input"),
  MALFORMED_BODY("malformed-body", 400, "Malformed body"),
  MALFORMED_HEADER("malformed-header", 400, "Malformed header"),
  INVALID_VALUE("invalid-value", 400, "Value cannot be stored"),
  NOT_FOUND("not-found", 404, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
  CONTENT_TOO_LARGE("content-too-large", 413, "Content too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  UNSUPPORTED_CONTENT_ENCODING("unsupported-content-encoding", 415, "Unsupported encoding"),
  MEDIA_TYPE_MISMATCH("media-type-mismatch", 415, "Media type mismatch"),
  MEDIA_TOO_LARGE("media-too-large", 413, "Media too large"),
  MEDIA_CORRUPT("media-corrupt", 400, "Media corrupt"),
  MEDIA_LIMIT_REACHED("media-limit-reached", 400, "Media limit reached"),

  // Who is asking.
  UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
  AUTHENTICATION_FAILED("authentication-failed", 401, "Authentication failed"),
  INVALID_ACCESS_CODE("invalid-access-code", 401, "Invalid access code"),
  BILLING_SIGNATURE_INVALID("billing-signature-invalid", 401, "Invalid billing signature"),
  BILLING_TIMESTAMP_STALE("billing-timestamp-stale", 401, "Stale billing event"),
  BILLING_REPLAY("billing-replay", 401, "Replayed billing event"),
  FORBIDDEN("forbidden", 403, "Forbidden"),
  ADMIN_REQUIRED("admin-required", 403, "Admin required"),
  OWNER_REQUIRED("owner-required", 403, "Owner required"),
  CORS_ORIGIN_NOT_ALLOWED("cors-origin-not-allowed", 403, "Origin not allowed"),
  PLAN_EXPIRED("plan-expired", 403, "Plan expired"),
  PLAN_INACTIVE("plan-inactive", 403, "Plan inactive"),
  BOT_SUSPENDED("bot-suspended", 403, "Bot suspended"),

  // The state does not allow it.
  CONCURRENT_UPDATE("concurrent-update", 409, "Concurrent update"),
  API_PAIR_EXISTS("api-pair-exists", 409, "API pair exists"),
  BOT_RUNNING("bot-running", 409, "Bot running"),
  MEDIUM_IN_USE("medium-in-use", 409, "Medium in use"),
  EMAIL_TAKEN("email-taken", 409, "Email taken"),
  NO_SENDER_AVAILABLE("no-sender-available", 409, "No sender available"),
  NOT_SANDBOX("not-sandbox", 409, "Not the sandbox"),
  SESSION_NOT_PENDING("session-not-pending", 409, "Session not pending"),
  USER_BOT_EXISTS("user-bot-exists", 409, "User bot exists"),
  CONFIG_INCOMPLETE("config-incomplete", 422, "Configuration incomplete"),
  USER_BOT_VERIFICATION_FAILED("user-bot-verification-failed", 422, "User bot not verified"),
  RATE_LIMITED("rate-limited", 429, "Too many requests"),

  // Our side.
  INTERNAL_ERROR("internal-error", 500, "Internal error"),
  SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable"),
  BILLING_NOT_CONFIGURED("billing-not-configured", 503, "Billing not configured");

  /** What every problem {@code type} URI starts with; the slug follows. */
  public static final String TYPE_BASE = "https://herald.dev/problems/";

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public String slug() {
    return slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The problem's {@code type} URI: {@code https://herald.dev/problems/<slug>}. */
  public String uri() {
    return TYPE_BASE + slug;
  }

  /**
   * The generic problem for a bare HTTP status: the container's and JAX-RS's own refusals (unknown
   * path, wrong method, ...), which carry no more specific kind. Other 4xx are {@link
   * #BAD_REQUEST}, other 5xx {@link #INTERNAL_ERROR}.
   */
  public static ProblemType forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 413 -> CONTENT_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> RATE_LIMITED;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    };
  }
}
