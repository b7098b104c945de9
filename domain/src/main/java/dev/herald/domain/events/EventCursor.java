package dev.herald.domain.events;

import dev.herald.domain.shared.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a client is in its account's events: the last activity entry and the last finished delivery
 * it has seen. Clients treat it as opaque ({@code Last-Event-ID}); both parts only grow, so every
 * event's id is at least the previous one's in each part.
 */
public record EventCursor(long activityId, long deliverySeq) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

  /** Before every event. */
  public static final EventCursor START = new EventCursor(0, 0);

  /** Parses a {@code Last-Event-ID}; a malformed one is a 400 naming the header. */
  public static EventCursor parse(String lastEventId) {
    Matcher m = FORMAT.matcher(lastEventId.strip());
    if (!m.matches()) {
      throw InvalidInputException.of(
          "Last-Event-ID", "Send back the id of the last event received, or no header.");
    }
    return new EventCursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  public EventCursor afterActivity(long id) {
    return new EventCursor(Math.max(activityId, id), deliverySeq);
  }

  public EventCursor afterDelivery(long seq) {
    return new EventCursor(activityId, Math.max(deliverySeq, seq));
  }

  /** The cursor of whichever is further along in each part. */
  public EventCursor max(EventCursor other) {
    return new EventCursor(
        Math.max(activityId, other.activityId), Math.max(deliverySeq, other.deliverySeq));
  }

  /** The cursor further back in each part: a read from there covers both. */
  public EventCursor min(EventCursor other) {
    return new EventCursor(
        Math.min(activityId, other.activityId), Math.min(deliverySeq, other.deliverySeq));
  }

  /** The {@code id:} of an SSE event. */
  public String encode() {
    return activityId + "-" + deliverySeq;
  }
}
