package dev.herald.api.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The response of a request whose streamed body passed the limit. By the time the resource answers
 * (JAX-RS reports the broken body as a 400), the limit is known to be exceeded: the 413 is written
 * instead, and whatever the resource writes after that is discarded.
 */
final class OversizedBodyResponse extends HttpServletResponseWrapper {

  /** Writes the 413 problem to the wrapped response. */
  interface Refusal {
    void write(HttpServletResponse response) throws IOException;
  }

  private final LimitedBodyRequest request;
  private final Refusal refusal;
  private boolean refused;

  OversizedBodyResponse(HttpServletResponse response, LimitedBodyRequest request, Refusal refusal) {
    super(response);
    this.request = request;
    this.refusal = refusal;
  }

  @Override
  public void setStatus(int status) {
    unlessExceeded(() -> super.setStatus(status));
  }

  @Override
  public void setContentType(String type) {
    unlessExceeded(() -> super.setContentType(type));
  }

  @Override
  public void setHeader(String name, String value) {
    unlessExceeded(() -> super.setHeader(name, value));
  }

  @Override
  public void addHeader(String name, String value) {
    unlessExceeded(() -> super.addHeader(name, value));
  }

  @Override
  public void setContentLength(int length) {
    unlessExceeded(() -> super.setContentLength(length));
  }

  @Override
  public void setContentLengthLong(long length) {
    unlessExceeded(() -> super.setContentLengthLong(length));
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (refuseIfExceeded()) {
      return DISCARD;
    }
    return super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (refuseIfExceeded()) {
      return new PrintWriter(DISCARD);
    }
    return super.getWriter();
  }

  @Override
  public void flushBuffer() throws IOException {
    if (!refuseIfExceeded()) {
      super.flushBuffer();
    }
  }

  /**
   * Sets the resource's status or header only while the limit holds: once it is passed, the 413's
   * own status and headers stand.
   */
  private void unlessExceeded(Runnable change) {
    if (!request.exceeded()) {
      change.run();
    }
  }

  /** Writes the 413 once when the limit was passed; true when the limit was passed. */
  boolean refuseIfExceeded() throws IOException {
    if (!request.exceeded()) {
      return false;
    }
    if (!refused && !isCommitted()) {
      refused = true;
      refusal.write((HttpServletResponse) getResponse());
    }
    return true;
  }

  private static final ServletOutputStream DISCARD =
      new ServletOutputStream() {
        @Override
        public void write(int b) {
          // The 413 is already written; the resource's answer to the truncated body is dropped.
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("blocking only");
        }
      };
}
