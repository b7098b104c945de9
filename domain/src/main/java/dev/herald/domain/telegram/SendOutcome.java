package dev.herald.domain.telegram;

import java.time.Duration;

/**
 * The result of one send, as the engine needs it. Transports map their own errors (TDLib error
 * objects, Bot API {@code error_code}s, injected sandbox faults) onto these cases.
 */
public sealed interface SendOutcome {

  /** Telegram accepted the message; {@code messageId} is its id in the target chat. */
  record Delivered(long messageId) implements SendOutcome {}

  /** The sender must wait before sending anything ({@code FLOOD_WAIT_N}, Bot API 429). */
  record FloodWait(Duration retryAfter) implements SendOutcome {}

  /**
   * This chat accepts a message from this sender only after {@code retryAfter} ({@code
   * SLOWMODE_WAIT_N}).
   */
  record SlowMode(Duration retryAfter) implements SendOutcome {}

  /** The sender is gone for good: banned, deactivated, or its authorization revoked. */
  record SenderBanned(String reason) implements SendOutcome {}

  /**
   * The sender hit Telegram's spam limit ({@code PEER_FLOOD}); configuration decides whether that
   * bans the session or cools it down.
   */
  record SenderLimited(String reason) implements SendOutcome {}

  /** The sender may not write to this chat (kicked, banned in it, read-only). */
  record ChatForbidden(String reason) implements SendOutcome {}

  /** The chat does not exist or cannot be resolved. */
  record ChatNotFound(String reason) implements SendOutcome {}

  /** The sender's credentials are rejected (Bot API 401: bad token). */
  record Unauthorized(String reason) implements SendOutcome {}

  /** Anything else: network trouble, timeouts, 5xx. Worth trying again in a later cycle. */
  record TransientError(String reason) implements SendOutcome {}

  /** A short stable code for counters, delivery records and logs ({@code FLOOD_WAIT}, ...). */
  default String code() {
    return Codes.CODES.get(getClass());
  }

  /** Computed once per case: code() runs for every post, twice. */
  final class Codes {
    private static final ClassValue<String> CODES =
        new ClassValue<>() {
          @Override
          protected String computeValue(Class<?> type) {
            return type.getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .toUpperCase(java.util.Locale.ROOT);
          }
        };

    private Codes() {}
  }
}
