package dev.herald.api.dashboard;

import dev.herald.domain.activity.ActivityEntry;
import java.time.Instant;

/** One activity log entry. */
public record LogEntryView(long id, String event, String reasonCode, String message, Instant at) {

  public static LogEntryView of(ActivityEntry entry) {
    return new LogEntryView(
        entry.id(), entry.event(), entry.reasonCode(), entry.message(), entry.createdAt());
  }
}
