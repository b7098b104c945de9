package dev.herald.api.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A resource that needs a verified token and acts for its account: it answers JSON and {@link
 * #current} is the caller.
 *
 * <p>Each subclass still carries its own {@code RolesAllowed} and {@code SecurityRequirement}:
 * Liberty's JAX-RS authorization reads {@code RolesAllowed} on the resource method's declaring
 * class only, and the OpenAPI scanner reads a class's {@code SecurityRequirement} on the resource
 * class only (neither annotation is inherited), so here they would protect and document nothing
 * ({@code OpenApiDocumentIT}).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class AuthenticatedResource {

  /** The account acting in this request. */
  @Inject protected CurrentAccount current;
}
