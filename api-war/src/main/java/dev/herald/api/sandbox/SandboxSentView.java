package dev.herald.api.sandbox;

import dev.herald.telegram.model.MessageMarkup;
import dev.herald.telegram.model.SendLog;
import java.time.Instant;
import java.util.List;

/** One message the sandbox's Telegram received, as {@code GET /admin/sandbox/sent} lists it. */
public record SandboxSentView(
    Instant at,
    String sender,
    long chatId,
    String type,
    String text,
    List<MessageMarkup.Entity> entities,
    List<List<MessageMarkup.Button>> buttons,
    String outcome) {

  static SandboxSentView of(SendLog.Entry entry) {
    return new SandboxSentView(
        entry.at(),
        entry.sender().toString(),
        entry.chatId(),
        entry.type(),
        entry.text(),
        entry.markup().entities(),
        entry.markup().keyboard(),
        entry.outcome());
  }
}
