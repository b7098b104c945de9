package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.SendOutcome;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps TDLib errors to the port's outcomes. TDLib passes Telegram's own error text through ({@code
 * 400 CHAT_WRITE_FORBIDDEN}), reports long flood waits as {@code 429 "Too Many Requests: retry
 * after N"}, and has a few messages of its own ("Chat not found"). Order matters: the sender-level
 * verdicts come before chat-level ones. {@code USER_BANNED_IN_CHANNEL} is sender-level: Telegram's
 * "you're banned from sending messages in supergroups/channels", the account-wide restriction of a
 * spam report, limited like {@code PEER_FLOOD} (one chat's own ban or restriction is {@code
 * CHANNEL_PRIVATE}, {@code CHAT_WRITE_FORBIDDEN}, or TDLib's "Have no write access to the chat").
 * So is a frozen account ({@code FROZEN_METHOD_INVALID}, which TDLib passes on as a 406): it can
 * send nothing anywhere until Telegram lifts the freeze.
 *
 * <p>Rule 14: only Telegram's explicit answers ({@link #SENDER_BANNED}) ban a session. A 401
 * without one of them, an expired session, or an authorization state that waits for a login is
 * {@link SendOutcome.SenderNeedsLogin}; a client that is still starting is {@link
 * SendOutcome.SenderUnavailable}. {@code AUTH_KEY_DUPLICATED} (two connections used one
 * authorization at once, and Telegram invalidated it) ends the authorization, not the account: a
 * new login, never a ban; {@link TdlibSessions} turns it into unavailable when this process has a
 * second client of the session open (our own duplicate: the first one is still closing).
 */
public final class TdlibErrorMapper {

  /** When a 429 says nothing about how long: TDLib waits out short ones itself, so be generous. */
  static final Duration DEFAULT_FLOOD_WAIT = Duration.ofSeconds(60);

  /** Two clients on one authorization: Telegram invalidates it; the account is fine. */
  static final String AUTH_KEY_DUPLICATED = "AUTH_KEY_DUPLICATED";

  private static final Pattern RETRY_AFTER = Pattern.compile("(?i)retry after (\\d+)");
  private static final Pattern FLOOD_WAIT = Pattern.compile("FLOOD(?:_PREMIUM)?_WAIT_(\\d+)");
  private static final Pattern SLOWMODE = Pattern.compile("SLOWMODE_WAIT_(\\d+)");

  /** Telegram's explicit verdicts on the account or its authorization: the only bans. */
  static final List<String> SENDER_BANNED =
      List.of(
          "USER_DEACTIVATED_BAN",
          "USER_DEACTIVATED",
          "AUTH_KEY_UNREGISTERED",
          "SESSION_REVOKED",
          "PHONE_NUMBER_BANNED");

  /** The authorization ended without a ban: the account logs in again and is fine. */
  private static final List<String> NEEDS_LOGIN = List.of("SESSION_EXPIRED", AUTH_KEY_DUPLICATED);

  /** The authorization states in which the session waits for a login step by a human. */
  private static final List<String> WAITING_FOR_LOGIN =
      List.of(
          AuthorizationStates.WAIT_PHONE,
          AuthorizationStates.WAIT_CODE,
          AuthorizationStates.WAIT_PASSWORD,
          "authorizationStateWaitEmailAddress",
          "authorizationStateWaitEmailCode",
          "authorizationStateWaitOtherDeviceConfirmation",
          "authorizationStateWaitRegistration",
          "authorizationStateWaitPremiumPurchase");

  /** The states of a client whose authorization ended (TDLib closes it on its own after a 401). */
  private static final List<String> LOGGED_OUT =
      List.of(
          "authorizationStateLoggingOut", "authorizationStateClosing", AuthorizationStates.CLOSED);

  /** Telegram limits the account everywhere: cooled down or banned as configured. */
  private static final List<String> SENDER_LIMITED =
      List.of(
          "PEER_FLOOD",
          "USER_BANNED_IN_CHANNEL",
          "FROZEN_METHOD_INVALID",
          "FROZEN_PARTICIPANT_MISSING");

  private static final List<String> CHAT_FORBIDDEN =
      List.of(
          "CHAT_WRITE_FORBIDDEN",
          "CHAT_RESTRICTED",
          "CHANNEL_PRIVATE",
          "CHAT_SEND_PLAIN_FORBIDDEN",
          "CHAT_GUEST_SEND_FORBIDDEN",
          "CHAT_ADMIN_REQUIRED",
          "have no write access",
          "not enough rights",
          "can't access the chat");

  /**
   * The target's forum topic: closed, deleted, not a topic of the chat (Telegram's codes), or named
   * in a chat that is no forum (TDLib's own check, before Telegram).
   */
  private static final List<String> TOPIC_UNAVAILABLE =
      List.of(
          "TOPIC_CLOSED",
          "TOPIC_DELETED",
          "TOPIC_ID_INVALID",
          "Chat is not a forum",
          "Invalid topic identifier specified");

  private static final List<String> CHAT_NOT_FOUND =
      List.of(
          "chat not found",
          "USERNAME_NOT_OCCUPIED",
          "USERNAME_INVALID",
          "INVITE_HASH_EXPIRED",
          "INVITE_HASH_INVALID",
          "PEER_ID_INVALID");

  /**
   * The post itself is refused, whatever the chat: TDLib's own checks before anything is sent
   * ("Message is too long", "Can't parse entities: ...", "Message must be non-empty") and
   * Telegram's answers to the content.
   */
  static final List<String> POST_REJECTED =
      List.of(
          "message is too long",
          "message caption is too long",
          "can't parse entities",
          "message must be non-empty",
          "text must be encoded in utf-8",
          "MESSAGE_TOO_LONG",
          "MEDIA_CAPTION_TOO_LONG",
          "MESSAGE_EMPTY",
          "ENTITY_BOUNDS_INVALID",
          "ENTITIES_TOO_LONG",
          "BUTTON_URL_INVALID",
          "REPLY_MARKUP_INVALID",
          "REPLY_MARKUP_TOO_LONG",
          // A FORWARD post's source: protected or deleted (one out of this session's sight is
          // this session's, not the post's).
          "CHAT_FORWARDS_RESTRICTED",
          "has protected content",
          "MESSAGE_ID_INVALID");

  private TdlibErrorMapper() {}

  public static SendOutcome map(int code, String message) {
    String text = message == null ? "" : message;
    Matcher seconds = RETRY_AFTER.matcher(text);
    if (seconds.find()) {
      return new SendOutcome.FloodWait(Duration.ofSeconds(Long.parseLong(seconds.group(1))));
    }
    seconds = FLOOD_WAIT.matcher(text);
    if (seconds.find()) {
      return new SendOutcome.FloodWait(Duration.ofSeconds(Long.parseLong(seconds.group(1))));
    }
    if (code == 429) {
      return new SendOutcome.FloodWait(DEFAULT_FLOOD_WAIT);
    }
    seconds = SLOWMODE.matcher(text);
    if (seconds.find()) {
      return new SendOutcome.SlowMode(Duration.ofSeconds(Long.parseLong(seconds.group(1))));
    }
    if (containsToken(text, SENDER_LIMITED)) {
      return new SendOutcome.SenderLimited(text);
    }
    if (containsToken(text, SENDER_BANNED)) {
      return new SendOutcome.SenderBanned(code + " " + text);
    }
    if (code == 401 || containsToken(text, NEEDS_LOGIN)) {
      return new SendOutcome.SenderNeedsLogin(
          "TDLib answered " + code + " " + text + " without a ban from Telegram; log in again");
    }
    if (containsAny(text, POST_REJECTED)) {
      return new SendOutcome.PostRejected("Telegram refused the post: " + text);
    }
    if (containsAny(text, TOPIC_UNAVAILABLE)) {
      return new SendOutcome.TopicUnavailable(text);
    }
    if (containsAny(text, CHAT_FORBIDDEN)) {
      return new SendOutcome.ChatForbidden(text);
    }
    // Before the 403 fallback: TDLib passes PEER_ID_INVALID on as a 403, and a chat this account
    // cannot find is not one it may not write to (a username is resolved again, a ban is not).
    if (containsAny(text, CHAT_NOT_FOUND)) {
      return new SendOutcome.ChatNotFound(text);
    }
    if (code == 403) {
      return new SendOutcome.ChatForbidden(text);
    }
    return new SendOutcome.TransientError("TDLib error " + code + ": " + text);
  }

  /** A TDLib {@code error} object: {@code {"@type":"error","code":400,"message":"..."}}. */
  public static SendOutcome map(JsonObject error) {
    return map(error.getInt("code", 0), error.getString("message", ""));
  }

  /**
   * {@code updateMessageSendFailed}: since TDLib 1.8.19 the cause is {@code error:error}; older
   * versions had {@code error_code}/{@code error_message}, still read for other builds.
   */
  public static SendOutcome fromSendFailed(JsonObject update) {
    JsonObject error = TdlibJson.child(update, "error");
    if (error != null) {
      return map(error);
    }
    return map(update.getInt("error_code", 0), update.getString("error_message", ""));
  }

  /**
   * What a send by a session in this authorization state gets before reaching Telegram: nothing
   * when ready; needs a login while TDLib waits for a phone number, code or password, and once it
   * logged out or closed on its own (a revoked or banned account also ends that way, but TDLib's
   * state does not say which, and rule 14 bans only on Telegram's explicit answer, which arrives as
   * an error through {@link #map}); unavailable while the client is still starting.
   */
  public static Optional<SendOutcome> fromAuthorizationState(String stateType) {
    if (AuthorizationStates.READY.equals(stateType)) {
      return Optional.empty();
    }
    if (WAITING_FOR_LOGIN.contains(stateType)) {
      return Optional.of(
          new SendOutcome.SenderNeedsLogin("Session is not logged in (" + stateType + ")"));
    }
    if (LOGGED_OUT.contains(stateType)) {
      return Optional.of(
          new SendOutcome.SenderNeedsLogin(
              "Session authorization ended ("
                  + stateType
                  + ") without a ban from Telegram; log in again"));
    }
    return Optional.of(
        new SendOutcome.SenderUnavailable(
            "Session is still starting ("
                + (stateType.isEmpty() ? "no authorization state yet" : stateType)
                + ")"));
  }

  private static boolean containsAny(String text, List<String> needles) {
    String lower = text.toLowerCase(Locale.ROOT);
    return needles.stream().anyMatch(needle -> lower.contains(needle.toLowerCase(Locale.ROOT)));
  }

  /** Whole-word match, so {@code USER_DEACTIVATED} does not also match inside longer codes. */
  private static boolean containsToken(String text, List<String> tokens) {
    return tokens.stream()
        .anyMatch(
            token -> Pattern.compile("(?<![A-Z_])" + token + "(?![A-Z_])").matcher(text).find());
  }
}
