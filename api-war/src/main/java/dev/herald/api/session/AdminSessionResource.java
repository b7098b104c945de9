package dev.herald.api.session;

import dev.herald.api.account.AdminResource;
import dev.herald.api.paging.PageParams;
import dev.herald.api.paging.PageView;
import dev.herald.domain.session.SessionPoolListing;
import dev.herald.domain.session.SessionPoolService;
import dev.herald.domain.session.SessionProxyService;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.shared.Enums;
import dev.herald.domain.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The session pool: add a session (and drive its login), log a {@code NEEDS_LOGIN} session in
 * again, list (with each session's state, why and since when), ban, release, delete, and set or
 * clear its proxy.
 */
@Path("/admin/sessions")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AdminSessionResource extends AdminResource {

  @Inject SessionPoolService pool;
  @Inject SessionPoolListing listing;
  @Inject SessionProxyService proxies;
  @Inject Clock clock;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a session: starts its Telegram login (ready at once with the sandbox)")
  public Response add(
      @NotNull(message = "Send phone and api_pair_id.") @Valid SessionRequest request) {
    var login = pool.addSession(current.actor(), request.phone(), request.apiPairId());
    return Response.status(Response.Status.CREATED)
        .entity(SessionView.of(login, clock.instant()))
        .build();
  }

  @POST
  @Path("/{id}/login")
  @Operation(
      summary =
          "Start a new login of a session that needs one (NEEDS_LOGIN); then send its code and"
              + " password")
  public SessionView login(@PathParam("id") long id) {
    return SessionView.of(pool.restartLogin(current.actor(), id), clock.instant());
  }

  @POST
  @Path("/{id}/code")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send the login code Telegram sent to the session's phone")
  public SessionView code(@PathParam("id") long id, @NotNull @Valid LoginStepRequest request) {
    return SessionView.of(pool.submitCode(current.actor(), id, request.value()), clock.instant());
  }

  @POST
  @Path("/{id}/code/resend")
  @Operation(
      summary =
          "Ask Telegram to send the login code again, the next way it offers (SMS, then a call)")
  public SessionView resendCode(@PathParam("id") long id) {
    return SessionView.of(pool.resendCode(current.actor(), id), clock.instant());
  }

  @POST
  @Path("/{id}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send the session's two-step verification password")
  public SessionView password(@PathParam("id") long id, @NotNull @Valid LoginStepRequest request) {
    return SessionView.of(
        pool.submitPassword(current.actor(), id, request.value()), clock.instant());
  }

  @GET
  @Operation(
      summary = "Sessions by id, optionally by state, a page at a time, with their warm-up budgets")
  public PageView<SessionView> list(@QueryParam("state") String state, @BeanParam PageParams page) {
    var sessions = listing.sessions(parseState(state), page.request());
    var warmups = listing.warmups(sessions);
    Instant now = clock.instant();
    return PageView.of(
        sessions,
        s ->
            SessionView.listed(
                s,
                warmups.containsKey(s.id()) ? WarmupView.of(warmups.get(s.id()), now) : null,
                now));
  }

  @POST
  @Path("/{id}/ban")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ban a session: it leaves its account and is never assigned again")
  public SessionView ban(
      @PathParam("id") long id,
      @NotNull(message = "Send the reason as a JSON object.") @Valid BanBody body) {
    return SessionView.of(pool.ban(current.actor(), id, body.reason()), clock.instant());
  }

  @POST
  @Path("/{id}/release")
  @Operation(summary = "Return a session to the pool, unassigned")
  public SessionView release(@PathParam("id") long id) {
    return SessionView.of(pool.release(current.actor(), id), clock.instant());
  }

  @PUT
  @Path("/{id}/proxy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Set the session's proxy (SOCKS5, HTTP or MTPROTO; wins over its API pair's); the secret"
              + " is encrypted and never shown")
  public SessionView setProxy(
      @PathParam("id") long id,
      @NotNull(message = "Send the proxy as JSON.") @Valid ProxyRequest request) {
    return SessionView.of(
        proxies.setOnSession(current.actor(), id, request.input()), clock.instant());
  }

  @DELETE
  @Path("/{id}/proxy")
  @Operation(summary = "Clear the session's own proxy (its API pair's applies, if any)")
  public SessionView clearProxy(@PathParam("id") long id) {
    return SessionView.of(proxies.clearOnSession(current.actor(), id), clock.instant());
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a session from the pool")
  public Response delete(@PathParam("id") long id) {
    pool.delete(current.actor(), id);
    return Response.noContent().build();
  }

  private static Optional<SessionState> parseState(String state) {
    if (state == null || state.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        Enums.parse(SessionState.class, state)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "state",
                        "state must be one of "
                            + Arrays.stream(SessionState.values())
                                .map(Enum::name)
                                .collect(Collectors.joining(", "))
                            + ".")));
  }
}
