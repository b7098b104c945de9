package dev.herald.domain.telegram;

import java.util.Objects;

/**
 * Which delivery a send belongs to: one account's cycle to one chat (the chat's canonical form).
 * The engine hands it to the transport with the send so that a transport that keeps a log (the
 * sandbox) can count duplicates where they happen: two sends of one key are one post too many (SPEC
 * rule 17). Real transports ignore it; nothing of it reaches Telegram.
 */
public record DeliveryKey(long accountId, long cycleId, String chat) {

  public DeliveryKey {
    Objects.requireNonNull(chat, "chat");
  }
}
