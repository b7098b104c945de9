package dev.herald.api.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** JAX-RS's view of a request that presented a {@link VerifiedToken}. */
record TokenSecurityContext(VerifiedToken token, boolean secure) implements SecurityContext {

  static final String SCHEME = "Bearer";

  @Override
  public Principal getUserPrincipal() {
    return token;
  }

  @Override
  public boolean isUserInRole(String role) {
    return token.inRole(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return SCHEME;
  }
}
