package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.ChatKind;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramWorld;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a sandbox send reaches its chat, as a TDLib client would: a session resolves a username
 * (within its daily budget, free when it already knows the chat), gets a numeric id it must already
 * see, or checks an invite link it joined. Joining is not part of a send: {@link SandboxTargets}
 * joins before the first post. Bots address {@code @username}s and ids directly (the Bot API
 * resolves them) and never join. Chats the open world creates admit everyone ({@link
 * SandboxWorld}).
 */
final class SandboxReach {

  private final TelegramWorld world;
  private final boolean openWorld;

  /** Chats the open world created: whoever contacts them is taken as a member. */
  private final Set<Long> opened = ConcurrentHashMap.newKeySet();

  /**
   * The world and its openness as {@link SandboxWorld} holds them (fixed once it is built), taken
   * once: the bean is a CDI client proxy, and each call through one costs thread-local look-ups.
   */
  SandboxReach(TelegramWorld world, boolean open) {
    this.world = world;
    this.openWorld = open;
  }

  TelegramWorld world() {
    return world;
  }

  /**
   * The chat id to post in.
   *
   * @throws dev.herald.telegram.model.TelegramException Telegram's answer when it cannot be reached
   */
  long chatId(Account account, ChatReference chat) {
    synchronized (world) { // one account's resolve-then-join is one step for concurrent sends
      if (chat.kind() == ChatReference.Kind.INVITE) {
        return byInvite(account, chat.canonical());
      }
      return joined(account, locate(account, chat).id());
    }
  }

  /**
   * The chat a username or id names, as this account sees it, without joining: resolving an unseen
   * username spends one of the account's daily resolutions.
   */
  Chat locate(Account account, ChatReference chat) {
    synchronized (world) {
      Chat found =
          switch (chat.kind()) {
            case USERNAME -> byUsername(account, chat.username(), chat.topic());
            case CHAT_ID -> byId(account, chat.chatId(), chat.topic());
            case INVITE ->
                throw new IllegalArgumentException("An invite link is checked, not located");
          };
      if (chat.hasTopic() && opened(found.id()) && found.isForum()) {
        world.openTopic(found.id(), chat.topic()); // the open world has every topic asked of it
      }
      return found;
    }
  }

  /** True for a chat the open world created: it admits whoever contacts it. */
  boolean opened(long chatId) {
    return opened.contains(chatId);
  }

  /** In an open world, an unknown invite link gets its chat. */
  void openInvite(String link) {
    if (openWorld && !world.knowsInviteLink(link)) {
      open(world.createChat(NewChat.supergroup("invited chat").inviteLink(link)).id());
    }
  }

  private Chat byUsername(Account account, String username, int topic) {
    if (openWorld && world.chatByUsername(username).isEmpty()) {
      open(NewChat.supergroup(username).username(username), topic);
    }
    return world.searchPublicChat(account, username);
  }

  private Chat byId(Account account, long id, int topic) {
    if (openWorld && world.chat(id).isEmpty()) {
      open(NewChat.of(ChatKind.SUPERGROUP, "chat " + id).id(id), topic);
    }
    if (opened(id)) {
      world.tell(account, id);
    }
    return world.getChat(account, id);
  }

  /**
   * The chat behind a link the account already joined; one it has not joined it cannot address
   * ({@code Chat not found}), except a chat of the open world, which it joins on contact.
   */
  private long byInvite(Account account, String link) {
    openInvite(link);
    long id = world.checkChatInviteLink(account, link).chatId();
    if (id != 0) {
      return id;
    }
    long behind = world.chatByInviteLink(link).map(Chat::id).orElse(0L);
    if (opened(behind)) {
      return world.joinChatByInviteLink(account, link).id();
    }
    return world.getChat(account, behind).id(); // not visible: Telegram's "Chat not found"
  }

  private void open(long chatId) {
    opened.add(chatId);
  }

  /**
   * Creates a chat of the open world as first named: a forum with that topic when a topic is named,
   * so a demo's topic link posts there.
   */
  private void open(NewChat spec, int topic) {
    long id = world.createChat(topic == 0 ? spec : spec.forum()).id();
    if (topic != 0) {
      world.openTopic(id, topic);
    }
    open(id);
  }

  /**
   * A chat of the open world takes whoever contacts it as a member. Any other chat is joined only
   * by {@link SandboxTargets} before the first post, as Herald's engine does: a send never joins,
   * so a sender that was not prepared gets Telegram's refusal.
   */
  private long joined(Account account, long id) {
    if (opened(id) && world.getChatMember(account, id, account).membership() == Membership.LEFT) {
      world.setMembership(id, account, Membership.MEMBER);
    }
    return id;
  }
}
