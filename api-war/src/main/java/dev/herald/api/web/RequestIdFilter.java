package dev.herald.api.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request an id, sets it and the security headers on the response before anything else
 * can answer, gives the container's body-less errors a problem body, and writes one log line per
 * request with the id, method, path, status, time and, once the token is verified, the account (the
 * token's subject), through {@link AccessLog}.
 */
@WebFilter(filterName = "requestId", urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient AccessLog log;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long started = System.nanoTime();
    String id = RequestIds.chooseFor(request.getHeader(RequestIds.HEADER));
    request.setAttribute(RequestIds.ATTRIBUTE, id);
    response.setHeader(RequestIds.HEADER, id);
    SecurityHeaders.apply(request, response);
    ProblemFallbackResponse wrapped = new ProblemFallbackResponse(request, response);
    try {
      try {
        chain.doFilter(request, wrapped);
      } catch (ServletException | IOException | RuntimeException e) {
        if (!wrapped.answer(e)) {
          throw e;
        }
      }
      wrapped.finish();
    } finally {
      if (log.enabled()) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.write(
            request.getMethod()
                + ' '
                + request.getRequestURI()
                + ' '
                + response.getStatus()
                + ' '
                + millis
                + "ms request_id="
                + id
                + LogSafe.accountOf(VerifiedTokens.of(request)));
      }
    }
  }
}
