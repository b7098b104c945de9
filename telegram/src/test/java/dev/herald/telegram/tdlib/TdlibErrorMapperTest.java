package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.SendOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every outcome from TDLib objects shaped as in td_api.tl of TDLib 1.8.67 ({@code error code:int32
 * message:string}).
 */
class TdlibErrorMapperTest {

  private static SendOutcome error(int code, String message) {
    return TdlibErrorMapper.map(
        TdlibJson.parse(
            "{\"@type\":\"error\",\"code\":"
                + code
                + ",\"message\":\""
                + message
                + "\",\"@client_id\":1}"));
  }

  /** Errors whose outcome carries what Telegram said: how long to wait, or the limit's name. */
  static Stream<Arguments> exactOutcomes() {
    return Stream.of(
        // A flood wait says how long, in a 429's text or in the 420's code name.
        Arguments.of(
            429,
            "Too Many Requests: retry after 1234",
            new SendOutcome.FloodWait(Duration.ofSeconds(1234))),
        Arguments.of(420, "FLOOD_WAIT_35", new SendOutcome.FloodWait(Duration.ofSeconds(35))),
        Arguments.of(420, "FLOOD_PREMIUM_WAIT_8", new SendOutcome.FloodWait(Duration.ofSeconds(8))),
        // A bare 429 is a long flood wait.
        Arguments.of(
            429,
            "Too Many Requests",
            new SendOutcome.FloodWait(TdlibErrorMapper.DEFAULT_FLOOD_WAIT)),
        Arguments.of(400, "SLOWMODE_WAIT_59", new SendOutcome.SlowMode(Duration.ofSeconds(59))),
        Arguments.of(400, "PEER_FLOOD", new SendOutcome.SenderLimited("PEER_FLOOD")),
        // Account-wide: a spam restriction in every group, a frozen account (TDLib's 406).
        Arguments.of(
            400, "USER_BANNED_IN_CHANNEL", new SendOutcome.SenderLimited("USER_BANNED_IN_CHANNEL")),
        Arguments.of(
            406, "FROZEN_METHOD_INVALID", new SendOutcome.SenderLimited("FROZEN_METHOD_INVALID")));
  }

  @ParameterizedTest(name = "{0} {1} is {2}")
  @MethodSource("exactOutcomes")
  void waitsAndLimitsCarryWhatTelegramSaid(int code, String message, SendOutcome outcome) {
    assertEquals(outcome, error(code, message));
  }

  /** Errors of one kind ({@code kind}), each given as its code, a space, and its message. */
  private static Stream<Arguments> ofKind(Class<? extends SendOutcome> kind, String... errors) {
    return Stream.of(errors).map(error -> Arguments.of(error, kind));
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
            // Write restrictions: this chat refuses this sender.
            ofKind(
                SendOutcome.ChatForbidden.class,
                "400 CHAT_WRITE_FORBIDDEN",
                "400 CHAT_RESTRICTED",
                "400 CHANNEL_PRIVATE",
                "400 CHAT_SEND_PLAIN_FORBIDDEN",
                "400 Have no write access to the chat",
                "403 SOMETHING_FORBIDDEN_NEW"),
            // Only Telegram's explicit verdicts ban a sender.
            ofKind(
                SendOutcome.SenderBanned.class,
                "400 USER_DEACTIVATED_BAN",
                "400 USER_DEACTIVATED",
                "401 AUTH_KEY_UNREGISTERED",
                "401 SESSION_REVOKED",
                "400 PHONE_NUMBER_BANNED"),
            // A logout without a verdict needs a login and is no ban.
            ofKind(
                SendOutcome.SenderNeedsLogin.class,
                "401 Unauthorized",
                "401 SESSION_EXPIRED",
                "406 AUTH_KEY_DUPLICATED", // the authorization is invalidated, not the account
                "401 SOMETHING_NEW_401"),
            // Unknown chats.
            ofKind(
                SendOutcome.ChatNotFound.class,
                "400 Chat not found",
                "400 USERNAME_NOT_OCCUPIED",
                "400 USERNAME_INVALID",
                "400 INVITE_HASH_EXPIRED",
                // TDLib passes this one on as a 403: still a chat it cannot find, no write ban.
                "403 PEER_ID_INVALID"),
            // The target's forum topic, not the chat: Telegram's codes and TDLib's own checks.
            ofKind(
                SendOutcome.TopicUnavailable.class,
                "400 TOPIC_CLOSED",
                "400 TOPIC_DELETED",
                "400 TOPIC_ID_INVALID",
                "400 Chat is not a forum",
                "400 Invalid topic identifier specified"),
            // The post itself, in any chat: TDLib's own checks and Telegram's answers.
            ofKind(
                SendOutcome.PostRejected.class,
                "400 Message is too long",
                "400 Can't parse entities: Can't find end of the entity starting at byte offset 3",
                "400 Message must be non-empty",
                "400 MESSAGE_TOO_LONG",
                "400 MEDIA_CAPTION_TOO_LONG",
                "400 ENTITY_BOUNDS_INVALID",
                "400 BUTTON_URL_INVALID",
                // A FORWARD post's source.
                "400 Message has protected content and can't be forwarded",
                "400 CHAT_FORWARDS_RESTRICTED",
                "400 MESSAGE_ID_INVALID"),
            // Everything else is transient.
            ofKind(
                SendOutcome.TransientError.class,
                "500 Internal Server Error",
                "406 Request aborted",
                "0 Connection closed"))
        .flatMap(errors -> errors);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("kinds")
  void eachErrorIsItsKindOfOutcome(String error, Class<? extends SendOutcome> kind) {
    int space = error.indexOf(' ');
    assertInstanceOf(
        kind, error(Integer.parseInt(error.substring(0, space)), error.substring(space + 1)));
  }

  @Test
  void messageSendFailedCarriesItsErrorObjectSince1819() {
    String update =
        "{\"@type\":\"updateMessageSendFailed\",\"@client_id\":1,"
            + "\"message\":{\"@type\":\"message\",\"id\":5242881,\"chat_id\":-1001234567890,"
            + "\"sending_state\":{\"@type\":\"messageSendingStateFailed\",\"error\":{\"@type\":\"error\","
            + "\"code\":400,\"message\":\"CHAT_WRITE_FORBIDDEN\"},\"can_retry\":false,\"need_another_sender\":false,"
            + "\"need_another_reply_quote\":false,\"need_drop_reply\":false,\"required_paid_message_star_count\":0,"
            + "\"retry_after\":0}},\"old_message_id\":5242881,\"error\":{\"@type\":\"error\",\"code\":429,\"message\":\"Too"
            + " Many Requests: retry after 60\"}}";
    assertEquals(
        new SendOutcome.FloodWait(Duration.ofSeconds(60)),
        TdlibErrorMapper.fromSendFailed(TdlibJson.parse(update)));
  }

  @Test
  void messageSendFailedOfOlderTdlibUsesErrorCodeAndMessage() {
    String update =
        "{\"@type\":\"updateMessageSendFailed\",\"message\":{\"@type\":\"message\",\"id\":1},"
            + "\"old_message_id\":1,\"error_code\":400,\"error_message\":\"SLOWMODE_WAIT_10\"}";
    assertEquals(
        new SendOutcome.SlowMode(Duration.ofSeconds(10)),
        TdlibErrorMapper.fromSendFailed(TdlibJson.parse(update)));
  }

  @ParameterizedTest
  @CsvSource({
    "authorizationStateWaitPhoneNumber",
    "authorizationStateWaitCode",
    "authorizationStateWaitPassword",
    "authorizationStateWaitEmailCode",
    "authorizationStateLoggingOut",
    "authorizationStateClosing",
    "authorizationStateClosed"
  })
  void waitingForALoginOrLoggedOutWithoutAVerdictNeedsALogin(String state) {
    SendOutcome outcome = TdlibErrorMapper.fromAuthorizationState(state).orElseThrow();
    assertInstanceOf(SendOutcome.SenderNeedsLogin.class, outcome);
    assertTrue(((SendOutcome.SenderNeedsLogin) outcome).reason().contains(state));
  }

  @Test
  void aClientStillStartingIsUnavailable() {
    for (String state : new String[] {"", "authorizationStateWaitTdlibParameters"}) {
      assertInstanceOf(
          SendOutcome.SenderUnavailable.class,
          TdlibErrorMapper.fromAuthorizationState(state).orElseThrow(),
          state);
    }
  }

  @Test
  void aReadyClientSends() {
    String update =
        "{\"@type\":\"updateAuthorizationState\",\"@client_id\":1,"
            + "\"authorization_state\":{\"@type\":\"authorizationStateReady\"}}";
    String state = TdlibJson.type(TdlibJson.child(TdlibJson.parse(update), "authorization_state"));
    assertEquals(Optional.empty(), TdlibErrorMapper.fromAuthorizationState(state));
  }
}
