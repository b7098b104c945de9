package dev.herald.api.admin;

import dev.herald.api.account.AdminResource;
import dev.herald.domain.access.AccessCodeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins create access codes bound to a plan. */
@Path("/admin/access-codes")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
public class AccessCodeResource extends AdminResource {

  @Inject AccessCodeService codes;

  @POST
  @Operation(summary = "Create access codes for a plan; the codes are in this response only")
  public Response create(
      @NotNull(message = "Send count and plan as a JSON object.") @Valid AccessCodesBody body) {
    int count = body.count() == null ? 1 : body.count();
    var created = codes.create(current.actor(), PlanBody.toInput(body.plan()), count);
    return Response.status(Response.Status.CREATED)
        .entity(AccessCodesView.of(created, body.plan()))
        .build();
  }
}
