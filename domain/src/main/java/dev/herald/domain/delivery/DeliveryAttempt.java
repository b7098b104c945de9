package dev.herald.domain.delivery;

import java.time.Instant;

/**
 * One post attempt as the delivery record holds it.
 *
 * @param outcome a {@code SendOutcome} code, or {@code SENDING} while the send has not finished
 * @param telegramMessageId the message's id in the chat when delivered, else null
 * @param error what went wrong when not delivered, else null
 * @param finishedAt null while sending
 */
public record DeliveryAttempt(
    long id,
    long cycleId,
    String chat,
    String senderKind,
    long senderId,
    String outcome,
    Long telegramMessageId,
    String error,
    Instant startedAt,
    Instant finishedAt) {}
