package dev.herald.api.web;

import dev.herald.api.problem.ServletProblems;
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
  static final String EXPOSED_HEADERS = "X-Request-Id, Retry-After, Location";

  @Inject HttpSettings settings;

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
          request, response, 403, "cors-origin-not-allowed", "This origin may not call the API.");
    }
  }
}
