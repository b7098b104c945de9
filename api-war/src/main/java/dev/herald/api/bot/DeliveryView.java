package dev.herald.api.bot;

import dev.herald.domain.delivery.DeliveryAttempt;
import java.time.Instant;

/**
 * One post attempt: {@code outcome} is {@code DELIVERED}, a failure code ({@code CHAT_FORBIDDEN},
 * {@code SLOW_MODE}, {@code FLOOD_WAIT}, ...) or {@code SENDING} while in flight; {@code
 * telegram_message_id} when delivered, {@code error} when not.
 */
public record DeliveryView(
    long id,
    long cycleId,
    String chat,
    String senderKind,
    long senderId,
    String outcome,
    Long telegramMessageId,
    String error,
    Instant startedAt,
    Instant finishedAt) {

  static DeliveryView of(DeliveryAttempt a) {
    return new DeliveryView(
        a.id(),
        a.cycleId(),
        a.chat(),
        a.senderKind(),
        a.senderId(),
        a.outcome(),
        a.telegramMessageId(),
        a.error(),
        a.startedAt(),
        a.finishedAt());
  }
}
