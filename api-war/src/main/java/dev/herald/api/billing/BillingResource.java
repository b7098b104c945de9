package dev.herald.api.billing;

import dev.herald.api.config.ApiSettings;
import dev.herald.api.web.RequestIds;
import dev.herald.domain.billing.BillingService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /billing/plan-events}: authenticated by its HMAC signature, not a token. The body is
 * read as the exact bytes sent, since the signature covers them byte for byte.
 */
@Path("/billing")
@PermitAll
public class BillingResource {

  @Inject ApiSettings settings;
  @Inject BillingService billing;
  @Context HttpServletRequest request;

  @POST
  @Path("/plan-events")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Apply a signed plan event (X-Herald-Timestamp, X-Herald-Signature: sha256=<hex>)")
  public PlanEventReceipt planEvent(
      @HeaderParam("X-Herald-Timestamp") String timestamp,
      @HeaderParam("X-Herald-Signature") String signature,
      byte[] body) {
    byte[] raw = body == null ? new byte[0] : body;
    return PlanEventReceipt.of(
        billing.handle(
            settings.billingPolicy(), timestamp, signature, raw, RequestIds.of(request)));
  }
}
