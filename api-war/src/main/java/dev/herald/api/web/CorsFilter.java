package dev.herald.api.web;

import dev.herald.api.config.ApiSettings;
import dev.herald.api.problem.ServletProblems;
import dev.herald.api.ratelimit.RateLimitHeaders;
import dev.herald.domain.shared.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * CORS for the configured origins only (SPEC §4). An allowed origin gets its own origin back, never
 * {@code *}, and no credentials flag: the API authenticates with a bearer header, not cookies. Any
 * other origin, {@code null} included, gets no allow header, and its preflight is refused with a
 * 403 problem. Preflights are answered here, before authentication.
 */
public class CorsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Request-Id";

  /**
   * What a browser script may read of an answer: the request id (to quote in a report), the rate
   * limit fields ({@link RateLimitHeaders}) and {@code Retry-After} (to back off before a 429, not
   * after), and {@code Location} of a created resource.
   */
  static final String EXPOSED_HEADERS =
      String.join(
          ", ",
          "X-Request-Id",
          RateLimitHeaders.LIMIT,
          RateLimitHeaders.REMAINING,
          RateLimitHeaders.RESET,
          RateLimitHeaders.RETRY_AFTER,
          "Location");

  @Inject ApiSettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      chain.doFilter(request, response);
      return;
    }
    response.addHeader("Vary", "Origin");
    boolean allowed = settings.corsOrigins().contains(origin.strip().toLowerCase(Locale.ROOT));
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader("Access-Control-Request-Method") != null;
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", origin.strip());
      response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
    if (!preflight) {
      chain.doFilter(request, response);
    } else if (allowed) {
      response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      response.setHeader("Access-Control-Max-Age", "600");
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else {
      ServletProblems.write(
          request,
          response,
          ProblemType.CORS_ORIGIN_NOT_ALLOWED,
          "This origin may not call the API.");
    }
  }
}
