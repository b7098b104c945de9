package dev.herald.api.dashboard;

import dev.herald.api.account.AuthenticatedResource;
import dev.herald.api.web.ConditionalRead;
import dev.herald.domain.activity.DashboardService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Everything a dashboard shows, in one call. */
@Path("/sync/state")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class SyncStateResource extends AuthenticatedResource {

  private static final int RECENT_LOGS = 20;

  @Inject DashboardService dashboard;

  @GET
  @ConditionalRead
  @Operation(summary = "Status, senders, config, counters and recent logs, read together")
  public SyncStateView sync() {
    return SyncStateView.of(dashboard.snapshot(current.id(), RECENT_LOGS));
  }
}
