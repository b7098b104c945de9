package dev.herald.api.events;

import dev.herald.api.bot.BotStateView;
import dev.herald.domain.events.ActivityEvent;
import dev.herald.domain.events.DeliveryEvent;
import dev.herald.domain.events.EventCursor;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open stream: its sink and how far it has been sent. Events at or before its cursor are never
 * sent again, so the replay on open and the dispatcher's fan-out may overlap freely; sends are
 * serialised per stream.
 */
final class EventStream {

  private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

  final long accountId;
  private final SseEventSink sink;
  private final BotEventMessages messages;
  private volatile EventCursor cursor;

  EventStream(long accountId, SseEventSink sink, BotEventMessages messages, EventCursor cursor) {
    this.accountId = accountId;
    this.sink = sink;
    this.messages = messages;
    this.cursor = cursor;
  }

  EventCursor cursor() {
    return cursor;
  }

  boolean isClosed() {
    return sink.isClosed();
  }

  /** Sends this account's entries and deliveries that are past the cursor, advancing it. */
  synchronized void send(List<ActivityEvent> activities, List<DeliveryEvent> deliveries) {
    for (ActivityEvent a : activities) {
      if (a.accountId() == accountId && a.id() > cursor.activityId()) {
        cursor = cursor.afterActivity(a.id());
        send(messages.log(a, cursor));
      }
    }
    for (DeliveryEvent d : deliveries) {
      if (d.accountId() == accountId && d.seq() > cursor.deliverySeq()) {
        cursor = cursor.afterDelivery(d.seq());
        send(messages.delivery(d, cursor));
      }
    }
  }

  synchronized void sendState(BotStateView state) {
    send(messages.state(state));
  }

  synchronized void keepAlive() {
    send(messages.keepAlive());
  }

  void close() {
    try {
      sink.close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing an event stream", e);
    }
  }

  private void send(OutboundSseEvent event) {
    if (sink.isClosed()) {
      return;
    }
    try {
      sink.send(event)
          .whenComplete(
              (ignored, failure) -> {
                if (failure != null) {
                  close(); // the client went away: the dispatcher drops the stream
                }
              });
    } catch (RuntimeException e) {
      close();
    }
  }
}
