package dev.herald.api.bot;

import dev.herald.domain.delivery.DeliveryAttempt;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One post attempt: {@code outcome} is {@code DELIVERED}, a failure code ({@code CHAT_FORBIDDEN},
 * {@code SLOW_MODE}, {@code FLOOD_WAIT}, ...) or {@code SENDING} while in flight; {@code
 * telegram_message_id} when delivered, {@code error} when not.
 *
 * <p>An item of {@code GET /bot/deliveries} names the attempt {@code id}; the data of a {@code
 * delivery} event names it {@code delivery_id} (the event's own id is the stream cursor). Exactly
 * one of the two is set, and nulls are left out of the JSON, so each use keeps its one name ({@code
 * DeliveryViewTest}); the OpenAPI document, which describes {@code GET /bot/deliveries}, leaves
 * {@code delivery_id} out.
 */
public record DeliveryView(
    Long id,
    @Schema(hidden = true) Long deliveryId,
    long cycleId,
    String chat,
    String senderKind,
    long senderId,
    String outcome,
    Long telegramMessageId,
    String error,
    Instant startedAt,
    Instant finishedAt) {

  /** An item of {@code GET /bot/deliveries}. */
  static DeliveryView of(DeliveryAttempt a) {
    return view(a.id(), null, a);
  }

  /** The data of a {@code delivery} event. */
  public static DeliveryView event(DeliveryAttempt a) {
    return view(null, a.id(), a);
  }

  private static DeliveryView view(Long id, Long deliveryId, DeliveryAttempt a) {
    return new DeliveryView(
        id,
        deliveryId,
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
