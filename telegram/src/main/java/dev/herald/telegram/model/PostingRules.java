package dev.herald.telegram.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether one account may post one message in one chat now, in Telegram's order: the account must
 * see the chat and not be spam-limited or over its flood budget; it must be a member, not banned,
 * and an admin where only admins post (channels); a forum's topic must exist, and be open for
 * non-admins (a user naming a topic outside a forum replies to that message instead); non-admins
 * wait out slow mode (the chat's, whatever the topic); then the per-chat rate (and, for bots, 20
 * messages a minute to one group); and the same text to one chat too many that the account is new
 * in earns {@code PEER_FLOOD}. A refused post spends no budget.
 */
final class PostingRules {

  private final TelegramLimits limits;

  PostingRules(TelegramLimits limits) {
    this.limits = limits;
  }

  /** Throws Telegram's error when the post is refused; otherwise spends the budgets it used. */
  void admit(
      Account account,
      AccountState state,
      ChatState chat,
      int topic,
      long textDigest,
      Instant now) {
    boolean user = !account.isBot();
    if (user && state.spam.limited(now)) {
      throw TelegramErrors.peerFlood();
    }
    requireNoWait(account, state.messages, now);
    Membership membership = chat.membership(account);
    if (membership == Membership.BANNED) {
      throw TelegramErrors.bannedInChat(account, chat.kind);
    }
    if (!membership.joined()) {
      throw chat.username.isPresent() || account.isBot()
          ? TelegramErrors.notAMember(account, chat.kind)
          : TelegramErrors.channelPrivate();
    }
    boolean admin = membership == Membership.ADMINISTRATOR;
    if (chat.kind.broadcast() && !admin) {
      throw TelegramErrors.writeForbidden(account, chat.kind);
    }
    if (topic != 0 && (chat.forum || account.isBot())) {
      // Outside a forum a user's "topic" reaches Telegram as a reply to the message of that id
      // (TDLib's implicit reply), and goes through; the Bot API finds no such thread.
      Boolean closed = chat.topicClosed.get(topic);
      if (closed == null) {
        throw TelegramErrors.topicDeleted(account);
      }
      if (closed && !admin) {
        throw TelegramErrors.topicClosed(account);
      }
    }
    ChatState.Pace pace = chat.pace.computeIfAbsent(account, key -> new ChatState.Pace());
    slowModeLeft(chat, pace, admin, now)
        .ifPresent(
            wait -> {
              throw TelegramErrors.slowModeWait(account, wait);
            });
    if (pace.perChat == null) {
      pace.perChat = bucket(limits.perChat(), now);
    }
    TokenBucket perChat = pace.perChat;
    requireNoWait(account, perChat, now);
    boolean botInGroup = account.isBot() && chat.kind.group();
    if (botInGroup && pace.botPerGroup == null) {
      pace.botPerGroup = bucket(limits.botPerGroup(), now);
    }
    TokenBucket perGroup = botInGroup ? pace.botPerGroup : null;
    requireNoWait(account, perGroup, now);
    boolean newInChat = chat.newMember(account, now, limits.newInChat());
    if (user && state.spam.wouldSpam(textDigest, chat.id, newInChat, limits, now)) {
      state.spam.limit(limits, now);
      throw TelegramErrors.peerFlood();
    }
    take(state.messages, now);
    take(perChat, now);
    take(perGroup, now);
    pace.lastSent = now;
    if (user) {
      state.spam.sent(textDigest, chat.id, newInChat, now);
    }
  }

  /**
   * What is left of the chat's slow mode after a member's last message ({@code pace}, null before
   * its first); an admin waits none.
   */
  Optional<Duration> slowModeLeft(ChatState chat, ChatState.Pace pace, boolean admin, Instant now) {
    if (admin || pace == null) {
      return Optional.empty();
    }
    return SlowMode.remaining(
        limits.onThisClock(Duration.ofSeconds(chat.slowModeDelay)), pace.lastSent, now);
  }

  private static void requireNoWait(Account account, TokenBucket bucket, Instant now) {
    if (bucket == null) {
      return;
    }
    Duration wait = bucket.wait(now);
    if (!wait.isZero()) {
      throw TelegramErrors.floodWait(account, wait);
    }
  }

  private static void take(TokenBucket bucket, Instant now) {
    if (bucket != null) {
      bucket.take(now);
    }
  }

  /** No bucket at all for an unlimited rate: nothing to remember. */
  private static TokenBucket bucket(Rate rate, Instant now) {
    return rate.isUnlimited() ? null : new TokenBucket(rate, now);
  }
}
