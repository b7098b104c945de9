package dev.herald.api.events;

import dev.herald.api.bot.BotStateView;
import dev.herald.api.dashboard.LogEntryView;
import dev.herald.api.web.JsonbConfigResolver;
import dev.herald.domain.delivery.DeliveryAttempt;
import dev.herald.domain.events.ActivityEvent;
import dev.herald.domain.events.DeliveryEvent;
import dev.herald.domain.events.EventCursor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.StringReader;

/**
 * The stream's events: {@code state} (the body of {@code GET /bot/state}), {@code log} (an item of
 * {@code GET /bot/logs}), {@code delivery} ({@link #deliveryData}), each as one line of JSON in the
 * API's naming (snake_case, nulls left out); log and delivery events carry the cursor after them as
 * their id.
 */
final class BotEventMessages {

  private final Sse sse;
  private final Jsonb jsonb = new JsonbConfigResolver().getContext(Object.class);

  BotEventMessages(Sse sse) {
    this.sse = sse;
  }

  OutboundSseEvent state(BotStateView state) {
    return event("state", null, state);
  }

  OutboundSseEvent log(ActivityEvent a, EventCursor after) {
    return event(
        "log", after, new LogEntryView(a.id(), a.event(), a.reasonCode(), a.message(), a.at()));
  }

  OutboundSseEvent delivery(DeliveryEvent d, EventCursor after) {
    return event("delivery", after, deliveryData(jsonb, d.attempt()));
  }

  /**
   * The data of a {@code delivery} event: the attempt as {@code GET /bot/deliveries} lists it, with
   * its {@code id} named {@code delivery_id}, since the event's own id is the stream cursor.
   */
  static JsonObject deliveryData(Jsonb jsonb, DeliveryAttempt attempt) {
    JsonObject item = Json.createReader(new StringReader(jsonb.toJson(attempt))).readObject();
    return Json.createObjectBuilder(item).remove("id").add("delivery_id", item.get("id")).build();
  }

  OutboundSseEvent keepAlive() {
    return sse.newEventBuilder().comment("keep-alive").build();
  }

  private OutboundSseEvent event(String name, EventCursor id, Object data) {
    OutboundSseEvent.Builder event =
        sse.newEventBuilder()
            .name(name)
            .mediaType(MediaType.TEXT_PLAIN_TYPE)
            .data(String.class, jsonb.toJson(data));
    if (id != null) {
      event.id(id.encode());
    }
    return event.build();
  }
}
