package dev.herald.api.web;

import dev.herald.api.config.ApiSettings;
import dev.herald.api.problem.ServletProblems;
import dev.herald.domain.shared.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Request bodies above {@code herald.max-body-bytes} (env {@code HERALD_MAX_BODY_BYTES}, 64 KiB by
 * default; media uploads, {@code POST /api/v1/media}, up to {@code herald.media.max-upload-bytes},
 * the largest file a plan may allow plus room for the multipart envelope) get 413: at once when
 * {@code Content-Length} says so, otherwise as soon as a streamed (chunked) body passes the limit,
 * whatever the resource had started to answer.
 */
public class BodySizeLimitFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String MEDIA_UPLOAD_PATH = "/api/v1/media";
  private static final String DETAIL_FORMAT = "Request bodies are limited to %d bytes.";

  @Inject ApiSettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long limit = isMediaUpload(request) ? settings.maxUploadBytes() : settings.maxBodyBytes();
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, limit);
      return;
    }
    LimitedBodyRequest limited = new LimitedBodyRequest(request, limit);
    OversizedBodyResponse guarded =
        new OversizedBodyResponse(response, limited, r -> refuse(request, r, limit));
    chain.doFilter(limited, guarded);
    guarded.refuseIfExceeded();
  }

  /** The one endpoint whose bodies are files; the plan's own size limit is checked behind it. */
  private static boolean isMediaUpload(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod())
        && (path.equals(MEDIA_UPLOAD_PATH) || path.equals(MEDIA_UPLOAD_PATH + "/"));
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    // The client may still be sending; closing the connection stops it cleanly.
    response.setHeader("Connection", "close");
    ServletProblems.write(
        request, response, ProblemType.CONTENT_TOO_LARGE, String.format(DETAIL_FORMAT, limit));
  }
}
