package dev.herald.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's static files (the {@code console} module's jar, served from {@code
 * META-INF/resources/console}): a Content-Security-Policy that allows this origin's own scripts,
 * styles and API calls and nothing inline, in place of the API's stricter {@code frame-ancestors}
 * one ({@link SecurityHeaders}); {@code /console} moves to {@code /console/} so that the page's
 * relative paths resolve; fingerprinted assets may be cached for good, the page never.
 */
public class ConsoleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** No inline script or style, no eval, no other origin; the console only calls /api/v1. */
  static final String POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "frame-ancestors 'none'",
          "base-uri 'none'",
          "form-action 'self'");

  private static final String ASSETS = "/console/assets/";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/console")) {
      response.sendRedirect(request.getContextPath() + "/console/");
      return;
    }
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader(
        "Cache-Control",
        path.startsWith(ASSETS) ? "public, max-age=31536000, immutable" : "no-cache");
    chain.doFilter(request, response);
  }
}
