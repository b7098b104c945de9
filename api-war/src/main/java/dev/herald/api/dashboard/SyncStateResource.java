package dev.herald.api.dashboard;

import dev.herald.api.account.CurrentAccount;
import dev.herald.api.bot.BotConfigBody;
import dev.herald.api.bot.BotStateView;
import dev.herald.domain.activity.DashboardService;
import dev.herald.domain.bot.BotService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Everything a dashboard shows, in one call. */
@Path("/sync/state")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class SyncStateResource {

  private static final int RECENT_LOGS = 20;

  @Inject CurrentAccount current;
  @Inject DashboardService dashboard;
  @Inject BotService bots;

  @GET
  @Operation(summary = "Status, senders, config, counters and recent logs")
  public SyncStateView sync() {
    long account = current.id();
    return new SyncStateView(
        BotStateView.of(bots.state(account)),
        BotConfigBody.of(bots.config(account)),
        StatsView.of(dashboard.stats(account)),
        LogPageView.of(dashboard.logs(account, null, RECENT_LOGS)));
  }
}
