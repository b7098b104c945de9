package dev.herald.api.sandbox;

import dev.herald.telegram.model.SendLog;
import java.time.Instant;
import java.util.List;

/**
 * One attempt in the Telegram model's send log, as the sandbox's transport received it: the sending
 * account ({@code user#7} for a session, {@code bot#55} for a user bot), the chat, the type ({@code
 * text}, {@code forward}, {@code photo}, ..., {@code album}), the text or caption, the media (an
 * album's in one entry: one media group) and Telegram's answer ({@code ok} or the error).
 */
public record SentMessageView(
    Instant at,
    String sender,
    long chatId,
    String type,
    String text,
    List<SentMediumView> media,
    String outcome) {

  /** One medium of a sent message: its kind and the stored medium's id. */
  public record SentMediumView(String kind, long mediumId) {}

  static SentMessageView of(SendLog.Entry e) {
    return new SentMessageView(
        e.at(),
        e.sender().toString(),
        e.chatId(),
        e.type(),
        e.text(),
        e.media().stream().map(m -> new SentMediumView(m.kind(), m.mediumId())).toList(),
        e.outcome());
  }
}
