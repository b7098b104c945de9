package dev.herald.api.web;

import dev.herald.api.auth.VerifiedToken;
import jakarta.servlet.ServletRequest;

/**
 * Where a request's verified token is kept: a request attribute, set by {@link
 * dev.herald.api.auth.BearerTokenFilter} through JAX-RS (whose request properties are the servlet
 * request's attributes), so that code outside JAX-RS (the access log line, {@code CurrentAccount})
 * reads the same token. Only server code sets attributes; identity still comes only from the token
 * (SPEC rule 1).
 */
public final class VerifiedTokens {

  public static final String ATTRIBUTE = VerifiedToken.class.getName();

  private VerifiedTokens() {}

  /** The request's verified token, or null when it presented none. */
  public static VerifiedToken of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof VerifiedToken token ? token : null;
  }
}
