package dev.herald.api.admin;

import dev.herald.api.account.AdminResource;
import dev.herald.api.paging.PageParams;
import dev.herald.api.paging.PageView;
import dev.herald.domain.bot.AdminBotService;
import dev.herald.domain.bot.BotStatus;
import dev.herald.domain.shared.Enums;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.userbot.UserBotService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins list, suspend, activate, limit and delete tenants' bots. */
@Path("/admin/bots")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AdminBotResource extends AdminResource {

  @Inject AdminBotService bots;
  @Inject UserBotService userBots;

  @GET
  @Operation(summary = "Tenants' bots by account id, optionally by status, a page at a time")
  public PageView<AdminBotView> list(
      @QueryParam("status") String status, @BeanParam PageParams page) {
    return PageView.of(bots.list(status(status), page.request()), this::view);
  }

  @GET
  @Path("/{accountId}")
  @Operation(summary = "The tenant's bot and user bot (masked), with the user bot's limits")
  public AdminBotView get(@PathParam("accountId") long accountId) {
    return view(bots.get(accountId));
  }

  @POST
  @Path("/{accountId}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Suspend the tenant's bot and user bot, with a reason")
  public AdminBotView suspend(
      @PathParam("accountId") long accountId,
      @NotNull(message = "Send the reason as a JSON object.") @Valid SuspendBody body) {
    return view(bots.suspend(current.actor(), accountId, body.reason()));
  }

  @POST
  @Path("/{accountId}/activate")
  @Operation(summary = "Lift a suspension: the bot is STOPPED, its user may start it")
  public AdminBotView activate(@PathParam("accountId") long accountId) {
    return view(bots.activate(current.actor(), accountId));
  }

  @PUT
  @Path("/{accountId}/rate-limits")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the user bot's requests per second and concurrency")
  public AdminBotView rateLimits(
      @PathParam("accountId") long accountId,
      @NotNull(message = "Send the limits as a JSON object.") RateLimitsBody body) {
    return view(
        bots.setRateLimits(
            current.actor(), accountId, body.rateLimitRps(), body.maxConcurrentRequests()));
  }

  @DELETE
  @Path("/{accountId}")
  @Operation(summary = "Delete the tenant's bot configuration and user bot (not while running)")
  public Response delete(@PathParam("accountId") long accountId) {
    bots.delete(current.actor(), accountId);
    return Response.noContent().build();
  }

  private static BotStatus status(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return Enums.parse(BotStatus.class, raw)
        .orElseThrow(
            () ->
                InvalidInputException.of(
                    "status", "Status must be STOPPED, RUNNING, STOPPING or SUSPENDED."));
  }

  private AdminBotView view(AdminBotService.Entry entry) {
    return AdminBotView.of(entry, userBots.transport());
  }
}
