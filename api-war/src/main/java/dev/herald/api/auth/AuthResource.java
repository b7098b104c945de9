package dev.herald.api.auth;

import dev.herald.api.config.ApiSettings;
import dev.herald.api.ratelimit.ClientAddress;
import dev.herald.domain.access.AccessCodeService;
import dev.herald.domain.account.AccountService;
import dev.herald.domain.ratelimit.RateLimiter;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Signing in: email and password, or an access code, in; a Herald token out. Both are rate limited
 * per client.
 */
@Path("/auth")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject AccountService accounts;
  @Inject AccessCodeService accessCodes;
  @Inject TokenIssuer tokens;
  @Inject RateLimiter limiter;
  @Inject ApiSettings settings;
  @Inject ClientAddress clients;
  @Context HttpServletRequest request;

  @POST
  @Path("/login")
  @Operation(summary = "Exchange email and password for a bearer token")
  public IssuedToken login(
      @NotNull(message = "Send email and password.") @Valid LoginRequest body) {
    limiter.acquire(settings.loginRateLimit(), clients.of(request));
    return tokens.issue(accounts.authenticate(body.email(), body.password()));
  }

  /**
   * Access-code sign-in. Every attempt takes one from the client's bucket (5 per 15 minutes by
   * default); a success empties the bucket's count again, so only failures add up.
   */
  @POST
  @Path("/access-code")
  @Operation(
      summary =
          "Exchange an access code for a bearer token (creates the code's account on first use)")
  public IssuedToken accessCode(
      @NotNull(message = "Send the code.") @Valid AccessCodeRequest body) {
    String client = clients.of(request);
    limiter.acquire(settings.accessCodeRateLimit(), client);
    IssuedToken token = tokens.issue(accessCodes.redeem(body.code()));
    limiter.reset(settings.accessCodeRateLimit(), client);
    return token;
  }
}
