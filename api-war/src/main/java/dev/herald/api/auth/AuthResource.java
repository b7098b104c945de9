package dev.herald.api.auth;

import dev.herald.domain.account.AccountService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Password login: email and password in, a Herald token out. */
@Path("/auth")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject AccountService accounts;
  @Inject TokenIssuer tokens;

  @POST
  @Path("/login")
  @Operation(summary = "Exchange email and password for a bearer token")
  public IssuedToken login(@NotNull(message = "Send email and password.") @Valid LoginRequest request) {
    return tokens.issue(accounts.authenticate(request.email(), request.password()));
  }
}
