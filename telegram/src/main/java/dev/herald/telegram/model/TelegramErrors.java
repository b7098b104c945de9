package dev.herald.telegram.model;

import java.time.Duration;

/**
 * Telegram's errors, one factory per error, in the form the asking account gets: MTProto's names
 * (as TDLib passes them on) for user accounts, the Bot API's descriptions for bots.
 */
final class TelegramErrors {

  private TelegramErrors() {}

  static TelegramException usernameNotOccupied() {
    return new TelegramException(400, "USERNAME_NOT_OCCUPIED");
  }

  static TelegramException usernameInvalid() {
    return new TelegramException(400, "USERNAME_INVALID");
  }

  /** TDLib's own text for a chat id the account has never seen; the Bot API's for bots. */
  static TelegramException chatNotFound(Account account) {
    return account.isBot()
        ? new TelegramException(400, "Bad Request: chat not found")
        : new TelegramException(400, "Chat not found");
  }

  static TelegramException channelPrivate() {
    return new TelegramException(400, "CHANNEL_PRIVATE");
  }

  static TelegramException writeForbidden(Account account, ChatKind kind) {
    return account.isBot()
        ? new TelegramException(
            400, "Bad Request: need administrator rights in the " + kind.botApiName() + " chat")
        : new TelegramException(400, "CHAT_WRITE_FORBIDDEN");
  }

  static TelegramException notAMember(Account account, ChatKind kind) {
    return account.isBot()
        ? new TelegramException(
            403, "Forbidden: bot is not a member of the " + kind.botApiName() + " chat")
        : new TelegramException(400, "CHAT_WRITE_FORBIDDEN");
  }

  static TelegramException bannedInChat(Account account, ChatKind kind) {
    return account.isBot()
        ? new TelegramException(
            403, "Forbidden: bot was kicked from the " + kind.botApiName() + " chat")
        // A member removed from a supergroup lost access to it; USER_BANNED_IN_CHANNEL is
        // Telegram's account-wide restriction, not one chat's ban.
        : new TelegramException(400, "CHANNEL_PRIVATE");
  }

  /** MTProto's 420 FLOOD_WAIT_X for accounts; the Bot API's 429 with retry_after for bots. */
  static TelegramException floodWait(Account account, Duration wait) {
    long seconds = ceilSeconds(wait);
    return account.isBot()
        ? new TelegramException(
            429, "Too Many Requests: retry after " + seconds, Duration.ofSeconds(seconds))
        : new TelegramException(420, "FLOOD_WAIT_" + seconds, Duration.ofSeconds(seconds));
  }

  /** Bots get slow mode as a plain 429, as the Bot API reports every wait. */
  static TelegramException slowModeWait(Account account, Duration wait) {
    long seconds = ceilSeconds(wait);
    return account.isBot()
        ? floodWait(account, wait)
        : new TelegramException(400, "SLOWMODE_WAIT_" + seconds, Duration.ofSeconds(seconds));
  }

  static TelegramException messageTooLong(Account account) {
    return account.isBot()
        ? new TelegramException(400, "Bad Request: message is too long")
        : new TelegramException(400, "MESSAGE_TOO_LONG");
  }

  static TelegramException captionTooLong(Account account) {
    return account.isBot()
        ? new TelegramException(400, "Bad Request: message caption is too long")
        : new TelegramException(400, "MEDIA_CAPTION_TOO_LONG");
  }

  static TelegramException messageEmpty(Account account) {
    return account.isBot()
        ? new TelegramException(400, "Bad Request: message text is empty")
        : new TelegramException(400, "MESSAGE_EMPTY");
  }

  /** A send into a basic group upgraded to a supergroup (the group no longer takes messages). */
  static TelegramException groupUpgraded(Account account) {
    return account.isBot()
        ? new TelegramException(400, "Bad Request: group chat was upgraded to a supergroup chat")
        : new TelegramException(400, "CHAT_WRITE_FORBIDDEN");
  }

  /** A forum topic closed by its admins: only admins post there. */
  static TelegramException topicClosed(Account account) {
    return account.isBot()
        ? new TelegramException(400, "Bad Request: TOPIC_CLOSED")
        : new TelegramException(400, "TOPIC_CLOSED");
  }

  /** A topic deleted since, or never one of this chat (a chat that is no forum has none). */
  static TelegramException topicDeleted(Account account) {
    return account.isBot()
        ? new TelegramException(400, "Bad Request: message thread not found")
        : new TelegramException(400, "TOPIC_DELETED");
  }

  static TelegramException peerFlood() {
    return new TelegramException(400, "PEER_FLOOD");
  }

  static TelegramException inviteRequestSent() {
    return new TelegramException(400, "INVITE_REQUEST_SENT");
  }

  static TelegramException inviteHashExpired() {
    return new TelegramException(400, "INVITE_HASH_EXPIRED");
  }

  static TelegramException inviteHashInvalid() {
    return new TelegramException(400, "INVITE_HASH_INVALID");
  }

  static TelegramException userAlreadyParticipant() {
    return new TelegramException(400, "USER_ALREADY_PARTICIPANT");
  }

  /** Bots cannot resolve usernames, join chats or use invite links themselves. */
  static TelegramException botMethodInvalid() {
    return new TelegramException(400, "BOT_METHOD_INVALID");
  }

  /** What a request of an account that is no longer allowed in gets. */
  static TelegramException unauthorized(Account account, AccountStanding standing) {
    if (account.isBot()) {
      return new TelegramException(401, "Unauthorized");
    }
    return switch (standing) {
      case BANNED -> new TelegramException(401, "USER_DEACTIVATED_BAN");
      case REVOKED -> new TelegramException(401, "SESSION_REVOKED");
      case LOGGED_OUT, ACTIVE -> new TelegramException(401, "AUTH_KEY_UNREGISTERED");
    };
  }

  /** Telegram rounds waits up to whole seconds; never 0, or a client would retry at once. */
  static long ceilSeconds(Duration wait) {
    long seconds = (wait.toMillis() + 999) / 1000;
    return Math.max(1, seconds);
  }
}
