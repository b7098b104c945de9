package dev.herald.api.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A resource that needs a verified token and acts for its account: it answers JSON and {@link
 * #current} is the caller.
 *
 * <p>Each subclass carries its own {@code RolesAllowed} and {@code SecurityRequirement}: the
 * OpenAPI scanner reads a class's {@code SecurityRequirement} on the resource class only (it is not
 * inherited), so here it would document nothing ({@code OpenApiDocumentIT}), and the roles sit
 * beside it where a reader looks ({@link dev.herald.api.auth.BearerTokenFilter} applies them).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class AuthenticatedResource {

  /** The account acting in this request. */
  @Inject protected CurrentAccount current;
}
