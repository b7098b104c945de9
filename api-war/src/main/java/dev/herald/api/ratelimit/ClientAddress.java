package dev.herald.api.ratelimit;

import dev.herald.api.config.ApiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The rate-limit client of the current request (see {@link ClientAddresses}). */
@ApplicationScoped
public class ClientAddress {

  @Inject ApiSettings settings;

  public String of(HttpServletRequest request) {
    return ClientAddresses.resolve(
        request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), settings.trustedProxies());
  }
}
