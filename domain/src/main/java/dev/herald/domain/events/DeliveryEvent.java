package dev.herald.domain.events;

import java.time.Instant;

/**
 * A finished post attempt; {@code seq} orders an account's deliveries by when they finished (the
 * record's own id orders them by when they started).
 */
public record DeliveryEvent(
    long accountId,
    long seq,
    long deliveryId,
    long cycleId,
    String chat,
    String senderKind,
    long senderId,
    String outcome,
    Long telegramMessageId,
    String error,
    Instant startedAt,
    Instant finishedAt) {}
