package dev.herald.domain.events;

import java.util.Collection;
import java.util.Map;

/** Reads what happened to accounts after given cursors: one query for all of them. */
public interface BotEventStore {

  /**
   * The activity entries and finished deliveries after each account's cursor; per account and kind
   * at most the newest {@code limit} (older ones are skipped, the replay is bounded).
   */
  StoredEvents after(Map<Long, EventCursor> cursors, int limit);

  /** Where each account's events stand now (a stream opened without Last-Event-ID starts here). */
  Map<Long, EventCursor> latest(Collection<Long> accounts);
}
