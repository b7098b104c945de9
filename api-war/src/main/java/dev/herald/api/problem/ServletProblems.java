package dev.herald.api.problem;

import dev.herald.api.web.RequestIds;
import dev.herald.domain.shared.ProblemType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Problem bodies for answers that never reach JAX-RS: the container's own errors (an empty 401 from
 * MP JWT, the default servlet's 404) and the servlet filters' refusals (413, CORS). Same shape and
 * JSON conventions as {@link ProblemResponses}.
 */
public final class ServletProblems {

  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(false));

  private ServletProblems() {}

  /** Writes the problem for {@code status}, keeping the headers already set (request id, ...). */
  public static void write(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    write(request, response, ProblemType.forStatus(status), detailOf(status));
  }

  public static void write(
      HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
      throws IOException {
    Problem problem =
        Problem.of(type, detail, instanceOf(request), RequestIds.of(request), List.of());
    byte[] body = JSONB.toJson(problem).getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(type.status());
    response.setContentType(ProblemResponses.PROBLEM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** The path the client asked for, also on an error page the container dispatched to. */
  private static String instanceOf(HttpServletRequest request) {
    return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
        ? original
        : request.getRequestURI();
  }

  static String detailOf(int status) {
    return switch (status) {
      case 401 -> "Send a valid bearer token in the Authorization header.";
      case 403 -> "You may not do this.";
      case 404 -> "There is nothing here.";
      case 405 -> "This method is not allowed here.";
      case 413 -> "The request body is too large.";
      default ->
          status >= 500
              ? "Something went wrong on our side. Quote the request id when you report it."
              : "The request could not be handled.";
    };
  }
}
