package dev.herald.api.bot;

import dev.herald.api.account.CurrentAccount;
import dev.herald.api.paging.PageParams;
import dev.herald.api.paging.PageView;
import dev.herald.domain.delivery.DeliveryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's post attempts, newest first: what was sent where, by whom, and what came back. */
@Path("/bot/deliveries")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class BotDeliveriesResource {

  @Inject CurrentAccount current;
  @Inject DeliveryService deliveries;

  @GET
  @Operation(
      summary =
          "Every post attempt, newest first, a page at a time: chat, sender, outcome, Telegram's"
              + " message id or the error")
  public PageView<DeliveryView> deliveries(@BeanParam PageParams page) {
    return PageView.of(deliveries.attempts(current.id(), page.request()), DeliveryView::of);
  }
}
