package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.SendOutcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @Test
  void tooManyRequestsRetryAfterIsFloodWait() {
    assertEquals(
        new SendOutcome.FloodWait(Duration.ofSeconds(1234)),
        error(429, "Too Many Requests: retry after 1234"));
  }

  @Test
  void floodWaitCodeIsFloodWait() {
    assertEquals(new SendOutcome.FloodWait(Duration.ofSeconds(35)), error(420, "FLOOD_WAIT_35"));
    assertEquals(
        new SendOutcome.FloodWait(Duration.ofSeconds(8)), error(420, "FLOOD_PREMIUM_WAIT_8"));
  }

  @Test
  void bare429IsALongFloodWait() {
    assertEquals(
        new SendOutcome.FloodWait(TdlibErrorMapper.DEFAULT_FLOOD_WAIT),
        error(429, "Too Many Requests"));
  }

  @Test
  void slowModeWaitIsSlowMode() {
    assertEquals(new SendOutcome.SlowMode(Duration.ofSeconds(59)), error(400, "SLOWMODE_WAIT_59"));
  }

  @ParameterizedTest
  @CsvSource({
    "400, CHAT_WRITE_FORBIDDEN",
    "400, USER_BANNED_IN_CHANNEL",
    "400, CHAT_RESTRICTED",
    "400, CHANNEL_PRIVATE",
    "400, CHAT_SEND_PLAIN_FORBIDDEN",
    "400, Have no write access to the chat",
    "403, SOMETHING_FORBIDDEN_NEW"
  })
  void writeRestrictionsAreChatForbidden(int code, String message) {
    assertInstanceOf(SendOutcome.ChatForbidden.class, error(code, message));
  }

  @Test
  void peerFloodIsSenderLimited() {
    assertEquals(new SendOutcome.SenderLimited("PEER_FLOOD"), error(400, "PEER_FLOOD"));
  }

  @ParameterizedTest
  @CsvSource({
    "400, USER_DEACTIVATED_BAN",
    "400, USER_DEACTIVATED",
    "401, AUTH_KEY_UNREGISTERED",
    "401, SESSION_REVOKED",
    "406, AUTH_KEY_DUPLICATED",
    "400, PHONE_NUMBER_BANNED"
  })
  void onlyTelegramsExplicitVerdictsAreSenderBanned(int code, String message) {
    assertInstanceOf(SendOutcome.SenderBanned.class, error(code, message));
  }

  @ParameterizedTest
  @CsvSource({"401, Unauthorized", "401, SESSION_EXPIRED", "401, SOMETHING_NEW_401"})
  void aLogoutWithoutAVerdictNeedsALoginAndIsNoBan(int code, String message) {
    assertInstanceOf(SendOutcome.SenderNeedsLogin.class, error(code, message));
  }

  @ParameterizedTest
  @CsvSource({
    "400, Chat not found",
    "400, USERNAME_NOT_OCCUPIED",
    "400, USERNAME_INVALID",
    "400, INVITE_HASH_EXPIRED"
  })
  void unknownChatsAreChatNotFound(int code, String message) {
    assertInstanceOf(SendOutcome.ChatNotFound.class, error(code, message));
  }

  @ParameterizedTest
  @CsvSource({
    "500, Internal Server Error",
    "400, MESSAGE_TOO_LONG",
    "406, Request aborted",
    "0, Connection closed"
  })
  void everythingElseIsTransient(int code, String message) {
    assertInstanceOf(SendOutcome.TransientError.class, error(code, message));
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
