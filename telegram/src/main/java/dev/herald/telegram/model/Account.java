package dev.herald.telegram.model;

import java.util.Objects;

/** A Telegram account that acts in the world: a user account (a session) or a bot. */
public record Account(Kind kind, long id) {

  public enum Kind {
    USER,
    BOT
  }

  public Account {
    Objects.requireNonNull(kind, "kind");
  }

  public static Account user(long id) {
    return new Account(Kind.USER, id);
  }

  public static Account bot(long id) {
    return new Account(Kind.BOT, id);
  }

  public boolean isBot() {
    return kind == Kind.BOT;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + "#" + id;
  }
}
