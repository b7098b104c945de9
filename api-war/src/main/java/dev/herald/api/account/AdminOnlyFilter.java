package dev.herald.api.account;

import dev.herald.domain.account.AdminAccess;
import dev.herald.domain.account.Role;
import dev.herald.domain.shared.ForbiddenException;
import dev.herald.domain.shared.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * SPEC rule 2 for every {@link AdminOnly} resource, in this one place: the token's role must be
 * ADMIN or OWNER (the platform's {@code RolesAllowed} says so too) and the caller's stored account
 * must be an ADMIN or OWNER as well, else 403 {@code admin-required}. A token minted before a
 * demotion does not make anyone an admin.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION + 100)
public class AdminOnlyFilter implements ContainerRequestFilter {

  @Inject CurrentAccount current;

  /**
   * A request without a verified token is left to the platform's 401. The token's role is checked
   * again here, so the rule holds whatever order the platform runs its own check in.
   */
  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    if (security.getUserPrincipal() == null) {
      return;
    }
    if (!security.isUserInRole(Role.ADMIN.name()) && !security.isUserInRole(Role.OWNER.name())) {
      throw new ForbiddenException(
          ProblemType.FORBIDDEN, "This needs an ADMIN or OWNER role in the token.");
    }
    AdminAccess.require(current.get());
  }
}
