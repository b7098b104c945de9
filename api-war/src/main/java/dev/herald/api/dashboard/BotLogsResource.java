package dev.herald.api.dashboard;

import dev.herald.api.account.CurrentAccount;
import dev.herald.api.paging.PageParams;
import dev.herald.api.paging.PageView;
import dev.herald.domain.activity.DashboardService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's bot activity log, newest first. */
@Path("/bot/logs")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class BotLogsResource {

  @Inject CurrentAccount current;
  @Inject DashboardService dashboard;

  @GET
  @Operation(summary = "The bot's activity log, newest first, a page at a time")
  public PageView<LogEntryView> logs(@BeanParam PageParams page) {
    return PageView.of(dashboard.logs(current.id(), page.request()), LogEntryView::of);
  }
}
