package dev.herald.api.sandbox;

import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.ChatMembership;
import java.util.List;

/**
 * The sandbox's Telegram model on the wire (its counters go out as {@code WorldFigures}): who is
 * where, and chats to create (public records: JSON-B reads and writes them).
 */
public final class SandboxWorldBody {

  private SandboxWorldBody() {}

  /**
   * One sender in one chat in the words of {@code GET /bot/targets}: {@code JOINED}, {@code
   * JOIN_REQUESTED}, {@code NOT_MEMBER}, {@code BANNED_IN_CHAT}, {@code WRITE_FORBIDDEN} (a member
   * of a channel who is no admin), so the two can be compared.
   */
  public record Member(String sender, String chat, String membership) {

    static Member of(ChatMembership m) {
      Account account = m.account();
      String sender = (account.isBot() ? "user_bot:" : "session:") + account.id();
      String chat = m.chat().username().map(u -> "@" + u).orElse(Long.toString(m.chat().id()));
      return new Member(sender, chat, status(m));
    }

    private static String status(ChatMembership m) {
      if (m.requested()) {
        return "JOIN_REQUESTED";
      }
      return switch (m.membership()) {
        case BANNED -> "BANNED_IN_CHAT";
        case LEFT -> "NOT_MEMBER";
        case MEMBER -> m.chat().kind().broadcast() ? "WRITE_FORBIDDEN" : "JOINED";
        case ADMINISTRATOR -> "JOINED";
      };
    }
  }

  public record Members(List<Member> items) {}

  /**
   * A chat to create in the world: a public group, channel or join-by-request group; a supergroup
   * may be a forum with open and closed topics of the given ids (its General topic, 1, is open).
   */
  public record NewChat(
      String username,
      String kind,
      Integer slowModeSeconds,
      Boolean joinByRequest,
      List<Long> bannedSessions,
      Boolean forum,
      List<Integer> topics,
      List<Integer> closedTopics) {}

  public record NewChats(List<NewChat> chats) {}

  public record Created(int created) {}
}
