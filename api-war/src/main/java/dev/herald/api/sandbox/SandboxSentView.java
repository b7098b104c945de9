package dev.herald.api.sandbox;

import dev.herald.telegram.model.MessageMarkup;
import dev.herald.telegram.model.SendLog;
import java.time.Instant;
import java.util.List;

/**
 * One attempt in the sandbox Telegram model's send log, as {@code GET /admin/sandbox/sent} lists
 * it: the sending account ({@code user#7} for a session, {@code bot#55} for a user bot), the chat
 * and, in a forum, the topic (1: its General topic; 0 outside forums), the type ({@code text},
 * {@code forward}, {@code photo}, ..., {@code album}), the text or caption with its entities, the
 * buttons, the media (an album's in one entry: one media group) and Telegram's answer ({@code ok}
 * or the error).
 */
public record SandboxSentView(
    Instant at,
    String sender,
    long chatId,
    int topic,
    String type,
    String text,
    List<MessageMarkup.Entity> entities,
    List<List<MessageMarkup.Button>> buttons,
    List<SentMediumView> media,
    String outcome) {

  /** One medium of a sent message: its kind and the stored medium's id. */
  public record SentMediumView(String kind, long mediumId) {}

  static SandboxSentView of(SendLog.Entry entry) {
    return new SandboxSentView(
        entry.at(),
        entry.sender().toString(),
        entry.chatId(),
        entry.topic(),
        entry.type(),
        entry.text(),
        entry.markup().entities(),
        entry.markup().keyboard(),
        entry.media().stream().map(m -> new SentMediumView(m.kind(), m.mediumId())).toList(),
        entry.outcome());
  }
}
