package dev.herald.api.events;

import dev.herald.domain.events.DeliveryEvent;
import java.time.Instant;

/** The data of a {@code delivery} event: one finished post attempt. */
public record DeliveryView(
    long deliveryId,
    long cycleId,
    String chat,
    String senderKind,
    long senderId,
    String outcome,
    Long telegramMessageId,
    String error,
    Instant startedAt,
    Instant finishedAt) {

  static DeliveryView of(DeliveryEvent d) {
    return new DeliveryView(
        d.deliveryId(),
        d.cycleId(),
        d.chat(),
        d.senderKind(),
        d.senderId(),
        d.outcome(),
        d.telegramMessageId(),
        d.error(),
        d.startedAt(),
        d.finishedAt());
  }
}
