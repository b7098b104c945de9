package dev.herald.api.web;

import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The request's verified token, taken from its principal: MP-JWT makes the caller principal of the
 * servlet request and of JAX-RS's SecurityContext the {@link JsonWebToken} itself. Reading it there
 * instead of injecting {@code JsonWebToken} spares every request the creation of Liberty's
 * request-scoped token bean (its resource injection was about 2% of a /bot/state poll's samples,
 * bench/api.sh) and a client proxy call per claim. Same token, same claims: identity still comes
 * only from it (SPEC rule 1).
 */
public final class VerifiedTokens {

  private VerifiedTokens() {}

  /** The verified token behind {@code principal}, or null when the request carried none. */
  public static JsonWebToken of(Principal principal) {
    if (principal instanceof JsonWebToken token && token.getRawToken() != null) {
      return token;
    }
    return null;
  }
}
