package dev.herald.domain.telegram;

import java.util.Objects;

/**
 * Who sends: a pooled Telegram session or a tenant's own Bot API bot. {@code credential} is what
 * the transport needs to act as the sender (a bot token; unused for sessions, whose TDLib client is
 * found by id) and never appears in {@link #toString()}.
 */
public record Sender(Kind kind, long id, String credential) {

  public enum Kind {
    SESSION,
    USER_BOT
  }

  public Sender {
    Objects.requireNonNull(kind, "kind");
  }

  public static Sender session(long sessionId) {
    return new Sender(Kind.SESSION, sessionId, null);
  }

  public static Sender userBot(long userBotId, String token) {
    return new Sender(Kind.USER_BOT, userBotId, token);
  }

  @Override
  public String toString() {
    return kind + "#" + id;
  }
}
