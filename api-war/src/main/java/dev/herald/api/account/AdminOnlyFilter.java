package dev.herald.api.account;

import dev.herald.domain.account.AdminAccess;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The stored-account half of SPEC rule 2 for every {@link AdminOnly} resource: after the platform
 * checked the token's role ({@code RolesAllowed}, at {@link Priorities#AUTHORIZATION}), the
 * caller's account record must be an ADMIN or OWNER too, else 403 {@code admin-required}. A token
 * minted before a demotion does not make anyone an admin.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION + 100)
public class AdminOnlyFilter implements ContainerRequestFilter {

  @Inject CurrentAccount current;

  @Override
  public void filter(ContainerRequestContext request) {
    AdminAccess.require(current.get());
  }
}
