package dev.herald.api.web;

import dev.herald.api.problem.ServletProblems;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the container's body-less errors into problem+json (SPEC rule 12). MP JWT answers a missing
 * or invalid token with a bare 401 status that the container flushes as an empty body; the default
 * servlet answers an unknown path with an HTML page naming a Java exception. Both pass through this
 * wrapper: an error status without a body gets its problem just before the response is flushed,
 * {@code sendError} is answered the same way, and a failure thrown out of the chain becomes a
 * problem instead of the container's error page.
 */
final class ProblemFallbackResponse extends HttpServletResponseWrapper {

  private static final Logger LOG = Logger.getLogger(ProblemFallbackResponse.class.getName());

  private final HttpServletRequest request;
  private boolean sentError;
  private boolean bodyStarted;

  ProblemFallbackResponse(HttpServletRequest request, HttpServletResponse response) {
    super(response);
    this.request = request;
  }

  @Override
  public void sendError(int status) throws IOException {
    sendError(status, null);
  }

  @Override
  public void sendError(int status, String containerMessage) throws IOException {
    // The container's message may name an exception or a file: it never reaches the client.
    if (isCommitted()) {
      throw new IllegalStateException("sendError after the response was committed");
    }
    setStatus(status);
    sentError = true;
    answerIfBodyless();
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    bodyStarted = true;
    return super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    bodyStarted = true;
    return super.getWriter();
  }

  @Override
  public void flushBuffer() throws IOException {
    answerIfBodyless();
    super.flushBuffer();
  }

  /** After the chain: the last chance for an error status that still has no body. */
  void finish() throws IOException {
    answerIfBodyless();
  }

  /**
   * A failure thrown out of the chain (not by JAX-RS, whose mappers answer everything): answered as
   * a problem when the response is still open; {@code false} when it was already committed.
   */
  boolean answer(Exception failure) throws IOException {
    if (isCommitted()) {
      return false;
    }
    int status = notFound(failure) ? 404 : Math.max(getStatus(), 500);
    if (status >= 500) {
      LOG.log(Level.SEVERE, "Unhandled failure, request id " + RequestIds.of(request), failure);
    }
    ServletProblems.write(request, (HttpServletResponse) getResponse(), status);
    return true;
  }

  private void answerIfBodyless() throws IOException {
    if (isCommitted()) {
      return;
    }
    boolean bodyless = !bodyStarted && getContentType() == null;
    if (sentError || (getStatus() >= 400 && bodyless)) {
      sentError = false;
      ServletProblems.write(request, (HttpServletResponse) getResponse(), getStatus());
    }
  }

  private static boolean notFound(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FileNotFoundException) {
        return true;
      }
    }
    return false;
  }
}
