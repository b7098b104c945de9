package dev.herald.api.account;

import dev.herald.api.auth.VerifiedToken;
import dev.herald.domain.account.Role;
import dev.herald.domain.bot.BotStateCache;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Read-your-writes for the node's {@link BotStateCache}: when a request that may have written ends
 * (any method but GET, HEAD and OPTIONS), after its transaction committed and before its answer is
 * sent, this node forgets the caller's cached state, so the caller's next poll here shows the
 * change. The database's announcement of the same change reaches every node too, but only
 * asynchronously. An admin's, an anonymous caller's (login, the billing webhook) or an unknown
 * caller's write may touch any account, so then the node forgets every state: writes are rare next
 * to polls.
 */
@Provider
public class OwnWritesForgetState implements ContainerResponseFilter {

  private static final Set<String> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  @Inject BotStateCache cache;
  @Inject KnownAccounts known;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (SAFE.contains(request.getMethod())) {
      return;
    }
    OptionalLong tenant = tenant(request.getSecurityContext());
    if (tenant.isPresent()) {
      cache.forget(tenant.getAsLong());
    } else {
      cache.forgetAll();
    }
  }

  /** The caller's account when the caller is a tenant this node knows, else empty. */
  private OptionalLong tenant(SecurityContext security) {
    if (!(security.getUserPrincipal() instanceof VerifiedToken token)
        || security.isUserInRole(Role.ADMIN.name())
        || security.isUserInRole(Role.OWNER.name())) {
      return OptionalLong.empty();
    }
    return known.id(token.subject());
  }
}
