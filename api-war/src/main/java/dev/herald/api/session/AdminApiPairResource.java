package dev.herald.api.session;

import dev.herald.api.account.AdminResource;
import dev.herald.api.paging.PageParams;
import dev.herald.api.paging.PageView;
import dev.herald.domain.session.SessionPoolListing;
import dev.herald.domain.session.SessionPoolService;
import dev.herald.domain.session.SessionProxyService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** API pairs (api_id + api_hash) that pooled sessions log in with. */
@Path("/admin/api-pairs")
@RolesAllowed({"ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class AdminApiPairResource extends AdminResource {

  @Inject SessionPoolService pool;
  @Inject SessionPoolListing listing;
  @Inject SessionProxyService proxies;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an API pair; its hash is encrypted at rest and never shown again")
  public Response create(
      @NotNull(message = "Send the API pair as JSON.") @Valid ApiPairRequest request) {
    var pair =
        pool.createApiPair(current.actor(), request.apiId(), request.apiHash(), request.capacity());
    return Response.status(Response.Status.CREATED)
        .entity(ApiPairView.of(new SessionPoolService.ApiPairUsage(pair, 0)))
        .build();
  }

  @GET
  @Operation(summary = "API pairs by id with their sessions in use, a page at a time")
  public PageView<ApiPairView> list(@BeanParam PageParams page) {
    return PageView.of(listing.apiPairs(page.request()), ApiPairView::of);
  }

  @PUT
  @Path("/{id}/proxy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Set the proxy of the pair's sessions (those without their own); the secret is encrypted"
              + " and never shown")
  public ApiPairView setProxy(
      @PathParam("id") long id,
      @NotNull(message = "Send the proxy as JSON.") @Valid ProxyRequest request) {
    return ApiPairView.of(proxies.setOnApiPair(current.actor(), id, request.input()));
  }

  @DELETE
  @Path("/{id}/proxy")
  @Operation(summary = "Clear the pair's proxy: its sessions without their own connect directly")
  public ApiPairView clearProxy(@PathParam("id") long id) {
    return ApiPairView.of(proxies.clearOnApiPair(current.actor(), id));
  }
}
