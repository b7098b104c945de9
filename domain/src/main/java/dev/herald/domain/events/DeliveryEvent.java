package dev.herald.domain.events;

import dev.herald.domain.delivery.DeliveryAttempt;

/**
 * A finished post attempt; {@code seq} orders an account's deliveries by when they finished (the
 * attempt's own id orders them by when they started).
 */
public record DeliveryEvent(long accountId, long seq, DeliveryAttempt attempt) {}
