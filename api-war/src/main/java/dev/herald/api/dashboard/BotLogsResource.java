package dev.herald.api.dashboard;

import dev.herald.api.account.CurrentAccount;
import dev.herald.domain.activity.DashboardService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's bot activity log, newest first, paged by cursor. */
@Path("/bot/logs")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class BotLogsResource {

  @Inject CurrentAccount current;
  @Inject DashboardService dashboard;

  @GET
  @Operation(summary = "The bot's activity log; pass next_cursor as cursor for older entries")
  public LogPageView logs(
      @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
    return LogPageView.of(dashboard.logs(current.id(), cursor, limit));
  }
}
