package dev.herald.api.events;

import dev.herald.api.account.CurrentAccount;
import dev.herald.domain.events.EventCursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's live events: only their own account's, never another tenant's. */
@Path("/bot/events")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class BotEventsResource {

  @Inject CurrentAccount current;
  @Inject BotEventDispatcher dispatcher;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Live events (server-sent events): state changes, activity entries, deliveries",
      description =
          "On connect: the log and delivery events after Last-Event-ID (at most the newest 500 of"
              + " each), then a state event with the current state, then events as they happen."
              + " event: state (data as GET /bot/state), event: log (data as an item of GET"
              + " /bot/logs), event: delivery (one finished post attempt). Log and delivery events"
              + " carry an opaque id that only grows; send the last one back as Last-Event-ID when"
              + " reconnecting. A comment line (: keep-alive) every 25 s.")
  @APIResponse(
      responseCode = "200",
      description = "The event stream",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(type = SchemaType.STRING)))
  public void events(
      @Parameter(description = "The id of the last event received, to replay what was missed")
          @HeaderParam("Last-Event-ID")
          String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    EventCursor from =
        lastEventId == null || lastEventId.isBlank() ? null : EventCursor.parse(lastEventId);
    dispatcher.open(current.id(), from, sink, sse);
  }
}
