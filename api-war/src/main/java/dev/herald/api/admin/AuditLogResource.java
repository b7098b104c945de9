package dev.herald.api.admin;

import dev.herald.api.account.AdminResource;
import dev.herald.api.paging.PageParams;
import dev.herald.api.paging.PageView;
import dev.herald.domain.audit.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The audit log, newest first. */
@Path("/admin/audit-log")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AuditLogResource extends AdminResource {

  @Inject AuditLog audit;

  @GET
  @Operation(summary = "Admin actions, newest first, a page at a time")
  public PageView<AuditEntryView> page(@BeanParam PageParams page) {
    return PageView.of(audit.page(page.request()), AuditEntryView::of);
  }
}
