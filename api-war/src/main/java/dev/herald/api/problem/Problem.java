package dev.herald.api.problem;

import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.ProblemType;
import java.util.List;

/**
 * An RFC 9457 problem body. {@code type} is stable per kind of problem (clients branch on it);
 * {@code errors} lists the bad fields of a request; {@code request_id} matches the response's
 * {@code X-Request-Id} header and the server's log line.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    List<FieldError> errors) {

  /** The problem of {@code type}, for the request {@code instance} with id {@code requestId}. */
  public static Problem of(
      ProblemType type, String detail, String instance, String requestId, List<FieldError> errors) {
    return new Problem(
        type.uri(),
        type.title(),
        type.status(),
        detail,
        instance,
        requestId,
        errors == null || errors.isEmpty() ? null : errors);
  }
}
