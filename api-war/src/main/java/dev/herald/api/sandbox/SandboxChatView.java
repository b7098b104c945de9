package dev.herald.api.sandbox;

import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.SendLog;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A chat of the sandbox's Telegram model as an admin sees it: who is in it, who asked to join, and
 * what was sent to it (the send log's recent tail), so that demos and system tests check what the
 * world saw rather than Herald's own tables.
 */
public record SandboxChatView(
    long id,
    String title,
    String kind,
    int slowModeSeconds,
    List<MemberView> members,
    List<String> joinRequests,
    List<SendView> sends) {

  /** An account ({@code user#12} for session 12, {@code bot#5} for account 5's own bot). */
  public record MemberView(String account, String membership) {}

  /** One attempt in the send log: {@code result} is {@code ok} or Telegram's refusal. */
  public record SendView(Instant at, String account, String result) {}

  static SandboxChatView of(TelegramWorld world, Chat chat) {
    List<MemberView> members =
        world.members(chat.id()).entrySet().stream()
            .map(e -> new MemberView(e.getKey().toString(), e.getValue().name()))
            .sorted(Comparator.comparing(MemberView::account))
            .toList();
    List<SendView> sends =
        world.sendLog().entries().stream()
            .filter(entry -> entry.chatId() == chat.id())
            .map(SandboxChatView::send)
            .toList();
    return new SandboxChatView(
        chat.id(),
        chat.title(),
        chat.kind().name(),
        chat.slowModeDelay(),
        members,
        world.joinRequests(chat.id()).stream().map(Object::toString).toList(),
        sends);
  }

  private static SendView send(SendLog.Entry entry) {
    return new SendView(entry.at(), entry.sender().toString(), entry.outcome());
  }
}
