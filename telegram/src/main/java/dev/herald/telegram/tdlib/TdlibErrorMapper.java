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
 * verdicts come before chat-level ones so {@code USER_BANNED_IN_CHANNEL} (this chat) is never read
 * as a banned sender.
 */
public final class TdlibErrorMapper {

  /** When a 429 says nothing about how long: TDLib waits out short ones itself, so be generous. */
  static final Duration DEFAULT_FLOOD_WAIT = Duration.ofSeconds(60);

  private static final Pattern RETRY_AFTER = Pattern.compile("(?i)retry after (\\d+)");
  private static final Pattern FLOOD_WAIT = Pattern.compile("FLOOD(?:_PREMIUM)?_WAIT_(\\d+)");
  private static final Pattern SLOWMODE = Pattern.compile("SLOWMODE_WAIT_(\\d+)");
  private static final List<String> SENDER_BANNED =
      List.of(
          "USER_DEACTIVATED_BAN",
          "USER_DEACTIVATED",
          "AUTH_KEY_UNREGISTERED",
          "SESSION_REVOKED",
          "SESSION_EXPIRED",
          "AUTH_KEY_DUPLICATED",
          "PHONE_NUMBER_BANNED");
  private static final List<String> CHAT_FORBIDDEN =
      List.of(
          "CHAT_WRITE_FORBIDDEN",
          "USER_BANNED_IN_CHANNEL",
          "CHAT_RESTRICTED",
          "CHANNEL_PRIVATE",
          "CHAT_SEND_PLAIN_FORBIDDEN",
          "CHAT_GUEST_SEND_FORBIDDEN",
          "CHAT_ADMIN_REQUIRED",
          "have no write access",
          "not enough rights",
          "can't access the chat");
  private static final List<String> CHAT_NOT_FOUND =
      List.of(
          "chat not found",
          "USERNAME_NOT_OCCUPIED",
          "USERNAME_INVALID",
          "INVITE_HASH_EXPIRED",
          "INVITE_HASH_INVALID",
          "PEER_ID_INVALID");

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
    if (text.contains("PEER_FLOOD")) {
      return new SendOutcome.SenderLimited(text);
    }
    if (code == 401 || containsToken(text, SENDER_BANNED)) {
      return new SendOutcome.SenderBanned(code + " " + text);
    }
    if (containsAny(text, CHAT_FORBIDDEN) || code == 403) {
      return new SendOutcome.ChatForbidden(text);
    }
    if (containsAny(text, CHAT_NOT_FOUND)) {
      return new SendOutcome.ChatNotFound(text);
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
   * when ready; a banned sender once TDLib logs out or closes (a 401 on the main DC, i.e. a revoked
   * or banned account, shows as {@code authorizationStateLoggingOut} → {@code Closed}).
   */
  public static Optional<SendOutcome> fromAuthorizationState(String stateType) {
    switch (stateType) {
      case "authorizationStateReady":
        return Optional.empty();
      case "authorizationStateLoggingOut":
      case "authorizationStateClosing":
      case "authorizationStateClosed":
        return Optional.of(
            new SendOutcome.SenderBanned(
                "Session authorization ended (" + stateType + "): logged out, revoked or banned"));
      default:
        return Optional.of(
            new SendOutcome.Unauthorized(
                "Session is not logged in ("
                    + (stateType.isEmpty() ? "starting" : stateType)
                    + ")"));
    }
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
