package dev.herald.api.admin;

import dev.herald.api.account.CurrentAccount;
import dev.herald.domain.audit.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The audit log, newest first, paged by id ({@code before}). */
@Path("/admin/audit-log")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

  @Inject CurrentAccount current;
  @Inject AuditLog audit;

  @GET
  @Operation(summary = "Admin actions, newest first; limit 1 to 200")
  public AuditPage page(
      @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("50") int limit) {
    current.admin();
    List<AuditEntryView> entries =
        audit.page(before, limit).stream().map(AuditEntryView::of).toList();
    int effective = Math.max(1, Math.min(limit, 200));
    Long next = entries.size() == effective ? entries.get(entries.size() - 1).id() : null;
    return new AuditPage(entries, next);
  }
}
