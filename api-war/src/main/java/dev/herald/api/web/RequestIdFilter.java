package dev.herald.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every request an id, sets it and the security headers on the response before anything
 * else can answer, and writes one log line per request with the id, method, path, status and time.
 */
@WebFilter(filterName = "requestId", urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger("dev.herald.api.access");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long started = System.nanoTime();
    String id = RequestIds.chooseFor(request.getHeader(RequestIds.HEADER));
    request.setAttribute(RequestIds.ATTRIBUTE, id);
    response.setHeader(RequestIds.HEADER, id);
    SecurityHeaders.apply(request, response);
    try {
      chain.doFilter(request, response);
    } finally {
      if (LOG.isLoggable(Level.INFO)) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(
            String.format(
                "%s %s %d %dms request_id=%s",
                request.getMethod(), request.getRequestURI(), response.getStatus(), millis, id));
      }
    }
  }
}
