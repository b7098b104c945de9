package dev.herald.telegram.sandbox;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetError;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Sender;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.ChatMember;
import dev.herald.telegram.model.InviteLinkInfo;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.TelegramException;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Duration;
import java.util.Optional;

/**
 * Prepares a chat for a sender on the Telegram model, as a client would before its first post: a
 * session resolves the chat (a stored id is reused: the username budget is never spent twice for
 * one chat), then joins a public chat ({@code joinChat}) or an invite link ({@code
 * checkChatInviteLink} + {@code joinChatByInviteLink}, which may only send a join request) when
 * pacing allows; a bot cannot join, it asks {@code getChatMember} whether it was added and may
 * post. Chats the open world created admit everyone without a join ({@link SandboxReach}).
 */
final class SandboxTargets {

  private final SandboxReach reach;

  SandboxTargets(SandboxReach reach) {
    this.reach = reach;
  }

  SandboxReach reach() {
    return reach;
  }

  Preparation prepare(
      Sender sender, ChatReference chat, Optional<ChatTarget> known, boolean mayJoin) {
    Account account = SandboxWorld.account(sender);
    TelegramWorld world = reach.world();
    synchronized (world) {
      try {
        if (chat.kind() == ChatReference.Kind.INVITE) {
          if (account.isBot()) {
            return Preparation.blocked(
                TargetMembership.NOT_MEMBER,
                0,
                null,
                TargetErrors.botNotMember(botUsername(sender), chat.canonical()));
          }
          return byInvite(world, sender, account, chat, known, mayJoin);
        }
        long knownId = known.map(ChatTarget::chatId).orElse(0L);
        Chat found = knownId != 0 ? world.getChat(account, knownId) : reach.locate(account, chat);
        return member(world, sender, account, chat, found, known, mayJoin);
      } catch (TelegramException refused) {
        return refused(sender, chat, refused);
      }
    }
  }

  private Preparation member(
      TelegramWorld world,
      Sender sender,
      Account account,
      ChatReference chat,
      Chat found,
      Optional<ChatTarget> known,
      boolean mayJoin) {
    ChatMember member = world.getChatMember(account, found.id(), account);
    if (chat.hasTopic() && !found.isForum() && member.membership() != Membership.BANNED) {
      // As the transports do: a topic where there are none is refused before anything is joined.
      return Preparation.notAForum(
          chat,
          member.membership().joined() ? TargetMembership.JOINED : TargetMembership.NOT_MEMBER,
          found.id(),
          found.title());
    }
    boolean requested =
        known.map(target -> target.membership() == TargetMembership.JOIN_REQUESTED).orElse(false);
    boolean joinedNow = false;
    boolean admittedNow = false;
    if (member.membership() == Membership.LEFT) {
      if (reach.opened(found.id())) {
        world.setMembership(found.id(), account, Membership.MEMBER);
        admittedNow = true;
      } else if (account.isBot()) {
        return Preparation.blocked(
            TargetMembership.NOT_MEMBER,
            found.id(),
            found.title(),
            TargetErrors.botNotMember(botUsername(sender), chat.canonical()));
      } else if (requested && found.joinByRequest()) {
        // Still waiting for an admin: joining again would only send another request.
        return Preparation.blocked(
            TargetMembership.JOIN_REQUESTED,
            found.id(),
            found.title(),
            TargetErrors.joinRequested(chat.canonical()));
      } else if (!mayJoin) {
        return Preparation.blocked(
            TargetMembership.NOT_MEMBER, found.id(), found.title(), TargetErrors.joinPaced());
      } else {
        try {
          world.joinChat(account, found.id());
        } catch (TelegramException refused) {
          if ("INVITE_REQUEST_SENT".equals(refused.error())) {
            return joinRequested(chat.canonical(), found.id(), found.title());
          }
          throw refused;
        }
        joinedNow = true;
      }
      member = world.getChatMember(account, found.id(), account);
    }
    Preparation ready = ready(sender, chat, found, member, joinedNow);
    // Admitted on contact: no join to pace, but the model counts it new there all the same.
    return admittedNow ? ready.admitted() : ready;
  }

  private Preparation byInvite(
      TelegramWorld world,
      Sender sender,
      Account account,
      ChatReference chat,
      Optional<ChatTarget> known,
      boolean mayJoin) {
    String link = chat.canonical();
    reach.openInvite(link);
    InviteLinkInfo info = world.checkChatInviteLink(account, link);
    if (info.chatId() != 0) {
      Chat found = world.getChat(account, info.chatId());
      return ready(sender, chat, found, world.getChatMember(account, found.id(), account), false);
    }
    boolean requested =
        known.map(target -> target.membership() == TargetMembership.JOIN_REQUESTED).orElse(false);
    if (requested && info.createsJoinRequest()) {
      // Still waiting for an admin: asking again would only send another request.
      return Preparation.blocked(
          TargetMembership.JOIN_REQUESTED, 0, info.title(), TargetErrors.joinRequested(link));
    }
    if (reach.opened(world.chatByInviteLink(link).map(Chat::id).orElse(0L))) {
      // The open world's chats admit whoever contacts them: no join to pace.
      Chat joined = world.joinChatByInviteLink(account, link);
      return ready(sender, chat, joined, world.getChatMember(account, joined.id(), account), false)
          .admitted();
    }
    if (!mayJoin) {
      return Preparation.blocked(
          TargetMembership.NOT_MEMBER, 0, info.title(), TargetErrors.joinPaced());
    }
    try {
      Chat joined = world.joinChatByInviteLink(account, link);
      ChatMember member = world.getChatMember(account, joined.id(), account);
      return ready(sender, chat, joined, member, true);
    } catch (TelegramException refused) {
      if ("INVITE_REQUEST_SENT".equals(refused.error())) {
        return joinRequested(link, 0, info.title());
      }
      throw refused;
    }
  }

  /** A join that only sent a join request: it counts as a join, and Herald waits for an admin. */
  private static Preparation joinRequested(String chat, long chatId, String title) {
    return Preparation.joinSpent(
        TargetMembership.JOIN_REQUESTED, chatId, title, TargetErrors.joinRequested(chat));
  }

  private Preparation ready(
      Sender sender, ChatReference chat, Chat found, ChatMember member, boolean joinedNow) {
    if (member.membership() == Membership.BANNED) {
      return Preparation.blocked(
          TargetMembership.BANNED_IN_CHAT,
          found.id(),
          found.title(),
          TargetErrors.bannedInChat(chat.canonical()));
    }
    if (!member.canPost()) {
      TargetError error =
          sender.kind() == Sender.Kind.USER_BOT
              ? TargetErrors.botCannotPost(botUsername(sender), chat.canonical())
              : TargetErrors.writeForbidden(chat.canonical());
      return new Preparation(
          TargetMembership.WRITE_FORBIDDEN,
          found.id(),
          found.title(),
          found.slowModeDelay(),
          joinedNow,
          false,
          Duration.ZERO,
          Optional.of(error));
    }
    return Preparation.ready(found.id(), found.title(), found.slowModeDelay(), joinedNow);
  }

  private static Preparation refused(Sender sender, ChatReference chat, TelegramException e) {
    if (e.retryAfter().isPresent()) {
      return Preparation.retryAfter(
          e.retryAfter().get(), TargetErrors.floodWait(e.retryAfter().get()));
    }
    if (e.code() == 401) {
      // The sender itself is refused: its send says so and the engine bans or parks it.
      return Preparation.ready(0, null, 0, false);
    }
    String error = e.error();
    if (error.startsWith("INVITE_HASH")) {
      return Preparation.blocked(
          TargetMembership.NOT_MEMBER, 0, null, TargetErrors.inviteInvalid(chat.canonical()));
    }
    if (error.equals("CHANNEL_PRIVATE")) {
      return Preparation.blocked(
          TargetMembership.BANNED_IN_CHAT, 0, null, TargetErrors.bannedInChat(chat.canonical()));
    }
    if (sender.kind() == Sender.Kind.USER_BOT && error.contains("chat not found")) {
      return Preparation.blocked(
          TargetMembership.NOT_MEMBER,
          0,
          null,
          TargetErrors.botNotMember(botUsername(sender), chat.canonical()));
    }
    return Preparation.blocked(
        TargetMembership.NOT_MEMBER, 0, null, TargetErrors.chatNotFound(chat.canonical()));
  }

  /** The sandbox's name for a tenant's bot, as its verification reports it. */
  static String botUsername(Sender sender) {
    String token = sender.credential();
    int colon = token == null ? -1 : token.indexOf(':');
    return "sandbox_bot_" + (colon > 0 ? token.substring(0, colon) : Long.toString(sender.id()));
  }
}
