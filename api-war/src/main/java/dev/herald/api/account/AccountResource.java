package dev.herald.api.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Registration: idempotent, the account is the token's subject. */
@Path("/account")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AccountResource extends AuthenticatedResource {

  @Inject Clock clock;

  @POST
  @Path("/register")
  @Operation(summary = "Create the caller's account on first contact, or return it")
  public AccountView register() {
    return AccountView.of(current.get(), clock.instant());
  }
}
