package dev.herald.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids: a client's {@code X-Request-Id} is kept when it is well formed (1 to 64 letters,
 * digits, dots, dashes, underscores), so ids can be followed across services; anything else is
 * replaced, so nobody can inject text into our logs.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  static String chooseFor(String offered) {
    if (offered != null && WELL_FORMED.matcher(offered).matches()) {
      return offered;
    }
    return UUID.randomUUID().toString();
  }

  /** The id given to this request by {@link RequestIdFilter}. */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id == null ? null : id.toString();
  }
}
