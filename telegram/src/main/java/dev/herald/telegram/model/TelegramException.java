package dev.herald.telegram.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Telegram's answer to a refused request: the error code and Telegram's own text, as a user account
 * sees them through MTProto/TDLib ({@code 400 CHAT_WRITE_FORBIDDEN}, {@code 420 FLOOD_WAIT_30}) or
 * a bot through the Bot API ({@code 429 Too Many Requests: retry after 30}). {@code retryAfter} is
 * set for waits, as the Bot API's {@code parameters.retry_after}.
 */
public final class TelegramException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient Optional<Duration> retryAfter;

  TelegramException(int code, String message) {
    this(code, message, null);
  }

  TelegramException(int code, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfter = Optional.ofNullable(retryAfter);
  }

  public int code() {
    return code;
  }

  /** Telegram's text, e.g. {@code CHAT_WRITE_FORBIDDEN} or {@code Bad Request: chat not found}. */
  public String error() {
    return getMessage();
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  @Override
  public String toString() {
    return code + " " + getMessage();
  }
}
