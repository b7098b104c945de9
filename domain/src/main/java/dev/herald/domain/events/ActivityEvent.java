package dev.herald.domain.events;

import java.time.Instant;

/** An activity log entry as the event stream hands it out, with the account it belongs to. */
public record ActivityEvent(
    long accountId, long id, String event, String reasonCode, String message, Instant at) {}
