package dev.herald.domain.targets;

import dev.herald.domain.telegram.Sender;
import java.util.Objects;

/** One (account, sender, chat): {@code chat} is the canonical chat reference of the bot config. */
public record TargetKey(long accountId, Sender.Kind senderKind, long senderId, String chat) {

  public TargetKey {
    Objects.requireNonNull(senderKind, "senderKind");
    Objects.requireNonNull(chat, "chat");
  }

  public static TargetKey of(long accountId, Sender sender, String chat) {
    return new TargetKey(accountId, sender.kind(), sender.id(), chat);
  }

  /** The sender as the tenant sees it: {@code session:12} or {@code user_bot}. */
  public String senderLabel() {
    return senderKind == Sender.Kind.SESSION ? "session:" + senderId : "user_bot";
  }
}
