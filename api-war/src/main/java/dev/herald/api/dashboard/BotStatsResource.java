package dev.herald.api.dashboard;

import dev.herald.api.account.CurrentAccount;
import dev.herald.domain.activity.DashboardService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's bot counters. */
@Path("/bot/stats")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class BotStatsResource {

  @Inject CurrentAccount current;
  @Inject DashboardService dashboard;

  @GET
  @Operation(summary = "The bot's counters")
  public StatsView stats() {
    return StatsView.of(dashboard.stats(current.id()));
  }
}
