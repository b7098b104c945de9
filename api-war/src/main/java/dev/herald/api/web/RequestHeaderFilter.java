package dev.herald.api.web;

import dev.herald.api.problem.ProblemResponses;
import dev.herald.domain.shared.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers the API cannot read are the client's mistake, refused before any resource runs: an {@code
 * Accept} or {@code Content-Type} that is no media type, or has a weight {@code q} that is no
 * number from 0 to 1, is 400, and a {@code Content-Encoding} other than {@code identity} is 415
 * (bodies are plain JSON).
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class RequestHeaderFilter implements ContainerRequestFilter {

  @Inject ProblemResponses problems;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean readable;
    try {
      request.getAcceptableMediaTypes();
      request.getMediaType();
      readable =
          validWeights(request.getHeaderString(HttpHeaders.ACCEPT))
              && validWeights(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
    } catch (RuntimeException unreadable) {
      readable = false;
    }
    if (!readable) {
      request.abortWith(
          problems.build(
              ProblemType.MALFORMED_HEADER,
              "The Accept or Content-Type header is not a valid media type."));
      return;
    }
    String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
    if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
      request.abortWith(
          problems.build(
              ProblemType.UNSUPPORTED_CONTENT_ENCODING,
              "Send the body without a Content-Encoding."));
    }
  }

  private static final Pattern WEIGHT =
      Pattern.compile(";\\s*q\\s*=\\s*([^;,]*)", Pattern.CASE_INSENSITIVE);

  /**
   * RESTEasy reads every {@code q} parameter as a float while matching, and fails with a 500
   * otherwise.
   */
  private static boolean validWeights(String header) {
    if (header == null) {
      return true;
    }
    Matcher q = WEIGHT.matcher(header);
    while (q.find()) {
      try {
        float weight = Float.parseFloat(q.group(1).strip());
        if (!(weight >= 0 && weight <= 1)) {
          return false;
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}
