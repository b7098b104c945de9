package dev.herald.api.problem;

import dev.herald.domain.shared.FieldError;
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

  public static final String TYPE_BASE = "https://herald.dev/problems/";
}
