package dev.herald.api.admin;

import dev.herald.api.account.AdminResource;
import dev.herald.api.paging.PageParams;
import dev.herald.api.paging.PageView;
import dev.herald.domain.account.AdminAccountService;
import dev.herald.domain.plan.PlanService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins list and create accounts and set their plans. */
@Path("/admin/accounts")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
public class AdminAccountResource extends AdminResource {

  @Inject AdminAccountService accounts;
  @Inject PlanService plans;
  @Inject Clock clock;

  @POST
  @Operation(summary = "Create an account with an initial password and a plan")
  public Response create(
      @NotNull(message = "Send the account as a JSON object.") @Valid NewAccountBody body) {
    var created = accounts.create(current.actor(), body.toNewAccount());
    return Response.status(Response.Status.CREATED)
        .entity(AdminAccountView.of(created, clock.instant()))
        .build();
  }

  @GET
  @Operation(summary = "Every account by id, with its plan, a page at a time")
  public PageView<AdminAccountView> list(@BeanParam PageParams page) {
    var now = clock.instant();
    return PageView.of(accounts.list(page.request()), account -> AdminAccountView.of(account, now));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read an account")
  public AdminAccountView get(@PathParam("id") long id) {
    return AdminAccountView.of(accounts.find(id), clock.instant());
  }

  @PUT
  @Path("/{id}/plan")
  @Operation(summary = "Set an account's plan (as of now: it replaces older plan data)")
  public AdminAccountView setPlan(
      @PathParam("id") long id,
      @NotNull(message = "Send the plan as a JSON object.") PlanBody body) {
    return AdminAccountView.of(
        plans.setByAdmin(current.actor(), id, body.toInput()), clock.instant());
  }
}
