package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.ChatKind;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramWorld;
import java.util.HashSet;
import java.util.Set;

/**
 * How a sandbox send reaches its chat, as a TDLib client would: a session resolves a username
 * (within its daily budget, free when it already knows the chat), gets a numeric id it must already
 * see, or checks an invite link; then joins a public chat or the link's chat when it is not a
 * member yet. Bots address {@code @username}s and ids directly (the Bot API resolves them) and
 * never join. Chats the open world creates admit everyone ({@link SandboxWorld}).
 */
final class SandboxReach {

  private final SandboxWorld sandbox;

  /** Chats the open world created: whoever contacts them is taken as a member. */
  private final Set<Long> opened = new HashSet<>();

  SandboxReach(SandboxWorld sandbox) {
    this.sandbox = sandbox;
  }

  /**
   * The chat id to post in.
   *
   * @throws dev.herald.telegram.model.TelegramException Telegram's answer when it cannot be reached
   */
  long chatId(Account account, ChatReference chat) {
    TelegramWorld world = sandbox.world();
    synchronized (world) { // one account's resolve-then-join is one step for concurrent sends
      if (chat.kind() == ChatReference.Kind.INVITE) {
        return byInvite(world, account, chat.canonical());
      }
      return joined(world, account, locate(account, chat).id());
    }
  }

  /**
   * The chat a username or id names, as this account sees it, without joining: resolving an unseen
   * username spends one of the account's daily resolutions.
   */
  Chat locate(Account account, ChatReference chat) {
    TelegramWorld world = sandbox.world();
    synchronized (world) {
      return switch (chat.kind()) {
        case USERNAME -> byUsername(world, account, chat.username());
        case CHAT_ID -> byId(world, account, chat.chatId());
        case INVITE -> throw new IllegalArgumentException("An invite link is checked, not located");
      };
    }
  }

  /** True for a chat the open world created: it admits whoever contacts it. */
  synchronized boolean opened(long chatId) {
    return opened.contains(chatId);
  }

  /** In an open world, an unknown invite link gets its chat. */
  void openInvite(TelegramWorld world, String link) {
    if (sandbox.open() && !world.knowsInviteLink(link)) {
      open(world.createChat(NewChat.supergroup("invited chat").inviteLink(link)).id());
    }
  }

  private Chat byUsername(TelegramWorld world, Account account, String username) {
    if (sandbox.open() && world.chatByUsername(username).isEmpty()) {
      open(world.createChat(NewChat.supergroup(username).username(username)).id());
    }
    return world.searchPublicChat(account, username);
  }

  private Chat byId(TelegramWorld world, Account account, long id) {
    if (sandbox.open() && world.chat(id).isEmpty()) {
      open(world.createChat(NewChat.of(ChatKind.SUPERGROUP, "chat " + id).id(id)).id());
    }
    if (opened(id)) {
      world.tell(account, id);
    }
    return world.getChat(account, id);
  }

  private long byInvite(TelegramWorld world, Account account, String link) {
    openInvite(world, link);
    long id = world.checkChatInviteLink(account, link).chatId();
    return id != 0 ? id : world.joinChatByInviteLink(account, link).id();
  }

  private synchronized void open(long chatId) {
    opened.add(chatId);
  }

  /** Joins a public chat the session is not in yet; a bot is in a chat only if it was added. */
  private long joined(TelegramWorld world, Account account, long id) {
    Membership membership = world.getChatMember(account, id, account).membership();
    if (membership == Membership.LEFT) {
      if (opened(id)) {
        world.setMembership(id, account, Membership.MEMBER);
      } else if (!account.isBot()) {
        world.joinChat(account, id);
      }
    }
    return id;
  }
}
