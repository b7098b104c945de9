package dev.herald.api.events;

import dev.herald.api.bot.BotStateView;
import dev.herald.api.bot.DeliveryView;
import dev.herald.api.dashboard.LogEntryView;
import dev.herald.api.web.JsonbConfigResolver;
import dev.herald.domain.events.ActivityEvent;
import dev.herald.domain.events.DeliveryEvent;
import dev.herald.domain.events.EventCursor;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * The stream's events: {@code state} (the body of {@code GET /bot/state}), {@code log} (an item of
 * {@code GET /bot/logs}), {@code delivery} ({@link DeliveryView}), each as one line of JSON in the
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
    return event("delivery", after, DeliveryView.event(d.attempt()));
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
