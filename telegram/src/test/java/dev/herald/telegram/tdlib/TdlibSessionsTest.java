package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.API;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.KEY;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.PHONE;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.library;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.logIn;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SamplePosts;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.domain.telegram.UrlButton;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The TDLib adapter against {@link FakeTdJson}: login state machine, sends, dispatch. */
class TdlibSessionsTest extends FakeTdlibTest {

  private static final Duration TIMEOUT = Duration.ofMillis(800);
  private static final Post TEXT = Post.text("hello");

  @Override
  TdlibSessions open() throws Exception {
    return over(td, dataDir, TIMEOUT);
  }

  @Test
  void phoneCodePasswordReadyWithRetriesOfWrongInput() {
    assertEquals(LoginStep.Kind.CODE_REQUIRED, sessions.startLogin(1, PHONE, API).kind());
    LoginStep wrongCode = sessions.submitCode(1, "11111");
    assertEquals(LoginStep.Kind.CODE_REQUIRED, wrongCode.kind());
    assertTrue(wrongCode.detail().contains("PHONE_CODE_INVALID"), wrongCode.detail());
    LoginStep password = sessions.submitCode(1, "12345");
    assertEquals(LoginStep.Kind.PASSWORD_REQUIRED, password.kind());
    assertTrue(password.detail().contains("hint: pet"));
    assertEquals(LoginStep.Kind.PASSWORD_REQUIRED, sessions.submitPassword(1, "wrong").kind());
    assertEquals(LoginStep.ready(), sessions.submitPassword(1, "secret"));
    assertEquals(LoginStep.ready(), sessions.startLogin(1, PHONE, API));
  }

  @Test
  void aNewCodeGoesTheNextWayTelegramOffersUntilNoneIsLeft() {
    assertEquals(
        LoginStep.codeRequired(
            "Telegram sent a login code (Sms); a new code can be sent by Call after 60 s"),
        sessions.startLogin(1, PHONE, API));
    assertEquals(
        LoginStep.codeRequired("Telegram sent a login code (Call)"), sessions.resendCode(1));
    LoginStep noneLeft = sessions.resendCode(1);
    assertEquals(LoginStep.Kind.CODE_REQUIRED, noneLeft.kind(), "the code sent stands");
    assertTrue(noneLeft.detail().contains("SEND_CODE_UNAVAILABLE"), noneLeft::detail);
    assertEquals(LoginStep.Kind.PASSWORD_REQUIRED, sessions.submitCode(1, "12345").kind());
    LoginStep late = sessions.resendCode(1);
    assertEquals(LoginStep.Kind.FAILED, late.kind());
    assertTrue(late.detail().contains("not waiting for a login code"), late::detail);
  }

  @Test
  void aRefusedPhoneNumberFailsTheLoginEvenWhileACodeIsAwaited() {
    assertEquals(LoginStep.Kind.CODE_REQUIRED, sessions.startLogin(1, PHONE, API).kind());

    // A new login with another number while TDLib still waits for the first one's code.
    LoginStep refused = sessions.startLogin(1, FakeTdJson.INVALID_PHONE, API);

    assertEquals(LoginStep.Kind.FAILED, refused.kind(), refused::toString);
    assertTrue(refused.detail().contains("PHONE_NUMBER_INVALID"), refused.detail());
  }

  @Test
  void tdlibParametersKeepTheMessageDatabaseOffAndEncryptPerSession() {
    logIn(sessions, 3);
    JsonObject parameters = td.last("setTdlibParameters");
    assertFalse(parameters.getBoolean("use_message_database"));
    assertFalse(parameters.getBoolean("use_secret_chats"));
    assertEquals(
        dataDir.resolve("session-3").toString(), parameters.getString("database_directory"));
    assertEquals(TdlibKeys.derive(KEY, 3), parameters.getString("database_encryption_key"));
    assertEquals(12345, parameters.getInt("api_id"));
  }

  @Test
  void unreachableTelegramFailsTheLoginWithinTheStepTimeout() {
    long start = System.nanoTime();
    LoginStep step = sessions.startLogin(2, FakeTdJson.UNREACHABLE_PHONE, API);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(LoginStep.Kind.FAILED, step.kind());
    assertTrue(step.detail().contains("did not answer"), step.detail());
    assertTrue(millis < TIMEOUT.toMillis() * 3, "took " + millis + " ms");
  }

  @Test
  void codeWithoutLoginIsAClearFailure() {
    assertEquals(LoginStep.Kind.FAILED, sessions.submitCode(9, "12345").kind());
    sessions.startLogin(8, FakeTdJson.UNREACHABLE_PHONE, API);
    LoginStep step = sessions.submitPassword(8, "secret");
    assertEquals(LoginStep.Kind.FAILED, step.kind());
    assertTrue(step.detail().contains("not waiting for a password"), step.detail());
  }

  @Test
  void textIsDeliveredWithTheServerMessageIdAndChatsAreCached() {
    logIn(sessions, 1);
    ChatReference chat = ChatReference.parse("@herald_demo");
    assertEquals(new SendOutcome.Delivered(42), sessions.send(1, chat, TEXT).join());
    assertEquals(new SendOutcome.Delivered(42), sessions.send(1, chat, TEXT).join());
    assertEquals(1, td.count("searchPublicChat"));
    JsonObject request = td.last("sendMessage");
    assertEquals(
        "hello",
        request.getJsonObject("input_message_content").getJsonObject("text").getString("text"));
  }

  @Test
  void formattedTextGoesAsTdlibEntitiesAndNeverWithButtons() {
    logIn(sessions, 1);
    Post post =
        SamplePosts.boldAndLinkedText(
            List.of(List.of(new UrlButton("Open", "https://example.com/"))),
            new TextEntity("pre", 6, 3, null, "java"));
    assertEquals(
        new SendOutcome.Delivered(42),
        sessions.send(1, ChatReference.parse("@herald_demo"), post).join());
    JsonObject request = td.last("sendMessage");
    JsonObject text = request.getJsonObject("input_message_content").getJsonObject("text");
    assertEquals("Hello via Bot API", text.getString("text"));
    JsonArray entities = text.getJsonArray("entities");
    assertEquals(
        "textEntityTypeBold", TdlibJson.type(entities.getJsonObject(0).getJsonObject("type")));
    assertEquals(10, entities.getJsonObject(0).getInt("offset"));
    JsonObject link = entities.getJsonObject(1).getJsonObject("type");
    assertEquals("textEntityTypeTextUrl", TdlibJson.type(link));
    assertEquals("https://example.com/", link.getString("url"));
    JsonObject pre = entities.getJsonObject(2).getJsonObject("type");
    assertEquals("textEntityTypePreCode", TdlibJson.type(pre));
    assertEquals("java", pre.getString("language"));
    assertFalse(request.containsKey("reply_markup"), "user accounts send no keyboards");
  }

  @Test
  void finalUpdateBeforeTheAnswerStillCounts() {
    logIn(sessions, 1);
    assertEquals(
        new SendOutcome.Delivered(42),
        sessions.send(1, ChatReference.parse("@racy_chat"), TEXT).join());
  }

  @Test
  void aChatIdTheSessionNeverSawIsNotFound() {
    logIn(sessions, 1);
    assertInstanceOf(
        SendOutcome.ChatNotFound.class,
        sessions.send(1, ChatReference.parse("-1009999"), TEXT).join());
  }

  @Test
  void forwardResolvesTheLinkAndForwards() {
    logIn(sessions, 1);
    td.knowChat(-1001234L); // the session has seen this chat before
    Post forward = Post.forward(MessageLink.parse("https://t.me/source_chan/15"));
    assertEquals(
        new SendOutcome.Delivered(42),
        sessions.send(1, ChatReference.parse("-1001234"), forward).join());
    JsonObject request = td.last("forwardMessages");
    assertEquals(-1005L, request.getJsonNumber("from_chat_id").longValue());
    assertEquals(15L << 20, request.getJsonArray("message_ids").getJsonNumber(0).longValue());
  }

  @Test
  void failuresBecomeOutcomes() {
    logIn(sessions, 1);
    assertEquals(
        new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN"),
        sessions.send(1, ChatReference.parse("@forbidden_chat"), TEXT).join());
    assertInstanceOf(
        SendOutcome.ChatNotFound.class,
        sessions.send(1, ChatReference.parse("@missing_chat"), TEXT).join());
    long start = System.nanoTime();
    assertInstanceOf(
        SendOutcome.TransientError.class,
        sessions.send(1, ChatReference.parse("@silent_chat"), TEXT).join());
    assertTrue((System.nanoTime() - start) / 1_000_000 < TIMEOUT.toMillis() * 3);
  }

  @Test
  void aSlowModeTdlibReportsAsTooManyRequestsStaysTheChatsAndAFloodWaitTheSessions() {
    logIn(sessions, 1);

    assertEquals(
        new SendOutcome.SlowMode(Duration.ofSeconds(250), 300),
        sessions.send(1, ChatReference.parse("@slowed_chat"), TEXT).join(),
        "the chat's slow mode is still running: only this chat waits");
    assertEquals(
        new SendOutcome.FloodWait(Duration.ofSeconds(250)),
        sessions.send(1, ChatReference.parse("@flooded_chat"), TEXT).join(),
        "no slow mode there: the session waits");
  }

  @Test
  void aSendGivenUpOnIsCancelledSoItCannotGoOutLater() {
    logIn(sessions, 1);

    SendOutcome outcome = sessions.send(1, ChatReference.parse("@silent_chat"), TEXT).join();

    assertEquals(new SendOutcome.TransientError("TDLib did not confirm the send in time"), outcome);
    JsonObject pending = td.last("sendMessage");
    JsonObject cancel = td.last("deleteMessages");
    assertEquals(FakeTdJson.chatId("silent_chat"), cancel.getJsonNumber("chat_id").longValue());
    assertEquals(1, cancel.getJsonArray("message_ids").size());
    assertTrue(cancel.getBoolean("revoke"));
    assertEquals(
        pending.getJsonNumber("chat_id").longValue(), cancel.getJsonNumber("chat_id").longValue());
  }

  @Test
  void aMessageTdlibDeletesInsteadOfSendingEndsItsSend() {
    logIn(sessions, 1);

    SendOutcome outcome = sessions.send(1, ChatReference.parse("@dropped_chat"), TEXT).join();

    assertEquals(
        new SendOutcome.TransientError("TDLib deleted the message before it was sent"), outcome);
    assertEquals(0, td.count("deleteMessages"), "ended by TDLib: nothing to cancel");
  }

  @Test
  void aSessionLoggedOutWithoutATelegramVerdictNeedsALoginAndIsNeverBanned() {
    logIn(sessions, 1);
    td.revoke(1); // TDLib logs out and closes on its own; its states do not say why
    SendOutcome inFlightOrAfter =
        sessions.send(1, ChatReference.parse("@herald_demo"), TEXT).join();
    // Racing the logout: delivered before it, or needs a login; never a ban, never a retry.
    assertTrue(
        inFlightOrAfter instanceof SendOutcome.SenderNeedsLogin
            || inFlightOrAfter instanceof SendOutcome.Delivered,
        inFlightOrAfter.toString());
    assertFalse(
        inFlightOrAfter.retryableByAnotherSender() && td.count("sendMessage") > 0,
        "a park after TDLib took the message is never retried: " + inFlightOrAfter);
    awaitClosed(1);
    SendOutcome outcome = sessions.send(1, ChatReference.parse("@herald_demo"), TEXT).join();
    assertInstanceOf(SendOutcome.SenderNeedsLogin.class, outcome);
  }

  private void awaitClosed(long sessionId) {
    try {
      assertTrue(
          sessions
              .find(sessionId)
              .orElseThrow()
              .authorization()
              .await(AuthorizationStates.CLOSED::equals, Duration.ofSeconds(5))
              .isPresent());
    } catch (InterruptedException interrupted) {
      throw new AssertionError(interrupted);
    }
  }

  @Test
  void closedSessionCanLogInAgainWithANewClient() {
    logIn(sessions, 1);
    td.revoke(1);
    awaitClosed(1);
    assertEquals(LoginStep.Kind.CODE_REQUIRED, sessions.startLogin(1, PHONE, API).kind());
  }

  @Test
  void aSessionWaitingForItsCodeOrPasswordNeedsALogin() {
    sessions.startLogin(4, PHONE, API); // now waiting for the code
    assertInstanceOf(
        SendOutcome.SenderNeedsLogin.class,
        sessions.send(4, ChatReference.parse("@herald_demo"), TEXT).join());
    sessions.submitCode(4, "12345"); // now waiting for the password
    SendOutcome outcome = sessions.send(4, ChatReference.parse("@herald_demo"), TEXT).join();
    assertInstanceOf(SendOutcome.SenderNeedsLogin.class, outcome);
    assertTrue(outcome.toString().contains("WaitPassword"), outcome.toString());
  }

  @Test
  void aSessionNotOpenHereIsOpenedWithItsOwnApiPair() throws Exception {
    ApiPair own = new ApiPair(777, "fedcba9876543210fedcba9876543210");
    try (TdlibSessions withPairs = sessionsWithOwnPair(5, own)) {
      SendOutcome outcome = withPairs.send(5, ChatReference.parse("@herald_demo"), TEXT).join();
      assertEquals(777, td.last("setTdlibParameters").getInt("api_id"), "the session's own pair");
      assertEquals(own.apiHash(), td.last("setTdlibParameters").getString("api_hash"));
      // The fake keeps no authorization across clients: the reopened session asks for a phone.
      assertInstanceOf(SendOutcome.SenderNeedsLogin.class, outcome);
    }
  }

  @Test
  void aSessionNotOpenHereWithNoKnownApiPairIsUnavailableNeverUnauthorized() {
    SendOutcome outcome = sessions.send(5, ChatReference.parse("@herald_demo"), TEXT).join();
    assertInstanceOf(SendOutcome.SenderUnavailable.class, outcome);
    assertEquals(0, td.count("setTdlibParameters"), "never opened with a default pair");
  }

  @Test
  void aSessionWhoseClientIsStillStartingIsUnavailable() throws Exception {
    td.holdParameters();
    try (TdlibSessions withPairs = sessionsWithOwnPair(6, API)) {
      SendOutcome outcome = withPairs.send(6, ChatReference.parse("@herald_demo"), TEXT).join();
      assertInstanceOf(SendOutcome.SenderUnavailable.class, outcome);
      assertTrue(outcome.retryableByAnotherSender(), "its client never took the message");
    }
  }

  /**
   * A database written with another key (a rotated key): TDLib refuses the client's parameters for
   * good. Sends say the session needs a login (parked, replaced, never banned) instead of waiting
   * for a start that never comes, and a new login starts a new client on an empty folder.
   */
  @Test
  void aDatabaseTdlibCannotOpenWithThisKeyNeedsALoginWhichStartsAfresh() throws Exception {
    td.wrongKey(true);
    try (TdlibSessions withPairs = sessionsWithOwnPair(6, API)) {
      SendOutcome outcome = withPairs.send(6, ChatReference.parse("@herald_demo"), TEXT).join();
      SendOutcome.SenderNeedsLogin needsLogin =
          assertInstanceOf(SendOutcome.SenderNeedsLogin.class, outcome);
      assertTrue(
          needsLogin.reason().contains("401 Wrong database encryption key"), needsLogin::reason);
      LoginStep stillRefused = withPairs.startLogin(6, PHONE, API);
      assertEquals(LoginStep.Kind.FAILED, stillRefused.kind());
      assertTrue(stillRefused.detail().contains("another key"), stillRefused::detail);

      td.wrongKey(false);
      TdlibSessionClient refused = withPairs.find(6).orElseThrow();
      Files.createDirectories(refused.databaseDirectory());
      Files.writeString(refused.databaseDirectory().resolve("td.binlog"), "old key");
      assertEquals(LoginStep.Kind.CODE_REQUIRED, withPairs.startLogin(6, PHONE, API).kind());
      TdlibSessionClient fresh = withPairs.find(6).orElseThrow();
      assertNotSame(refused, fresh, "a new client");
      assertEquals(AuthorizationStates.CLOSED, refused.authorizationState());
      assertFalse(
          Files.exists(fresh.databaseDirectory().resolve("td.binlog")),
          "the old key's database is gone");
    }
  }

  /**
   * After a restart with another key the first thing asked may be the login: the new client's
   * refusal arrives after it opened, and the login still starts afresh on the first try.
   */
  @Test
  void aLoginRightAfterTheClientOpenedWithAnotherKeyStartsAfresh() throws Exception {
    td.wrongKeyFor(1);
    try (TdlibSessions withPairs = sessionsWithOwnPair(6, API)) {
      assertEquals(LoginStep.Kind.CODE_REQUIRED, withPairs.startLogin(6, PHONE, API).kind());
      assertEquals(2, td.count("setTdlibParameters"), "the refused client, then a fresh one");
    }
  }

  @Test
  void aMissingLibraryMakesSessionsUnavailable() throws Exception {
    TdlibLibrary missing = library(null, TdlibStatus.down("/nowhere/libtdjson.so", "not found"));
    try (TdlibSessions without =
        new TdlibSessions(
                missing, TestTdlibConfig.of(dataDir, TIMEOUT), KEY, Thread::new, Clock.systemUTC())
            .withOwnApiPairs(id -> Optional.of(API))) {
      assertInstanceOf(
          SendOutcome.SenderUnavailable.class,
          without.send(1, ChatReference.parse("@herald_demo"), TEXT).join());
    }
  }

  /**
   * A park answered before TDLib was given the message sent nothing, so another sender may post the
   * chat in the same cycle; one Telegram answered to the send itself may follow a message that went
   * out, and is never retried.
   */
  @Test
  void onlyAParkAnsweredBeforeTdlibTookTheMessageMayBeRetriedByAnotherSender() {
    ChatReference chat = ChatReference.parse("@herald_demo");
    assertTrue(
        sessions.send(5, chat, TEXT).join().retryableByAnotherSender(), "not open, no API pair");
    sessions.startLogin(4, PHONE, API);
    SendOutcome waitingForCode = sessions.send(4, chat, TEXT).join();
    assertInstanceOf(SendOutcome.SenderNeedsLogin.class, waitingForCode);
    assertTrue(waitingForCode.retryableByAnotherSender(), "waiting for its code");

    logIn(sessions, 1);
    SendOutcome duplicated = sessions.send(1, ChatReference.parse("@duplicated_chat"), TEXT).join();
    assertInstanceOf(SendOutcome.SenderNeedsLogin.class, duplicated);
    assertFalse(duplicated.retryableByAnotherSender(), "Telegram's answer to the send itself");
  }

  @Test
  void authKeyDuplicatedWithoutASecondClientOfOursNeedsANewLoginNotABan() {
    logIn(sessions, 1);
    SendOutcome outcome = sessions.send(1, ChatReference.parse("@duplicated_chat"), TEXT).join();
    assertInstanceOf(SendOutcome.SenderNeedsLogin.class, outcome);
  }

  @Test
  void authKeyDuplicatedWhileOurOwnSecondClientIsOpenIsNoBan() {
    logIn(sessions, 1);
    td.holdClose();
    sessions.close(1); // the first client is still closing...
    logIn(sessions, 1); // ...when a second client of the same session logs in
    assertTrue(sessions.hasSecondClient(1));
    SendOutcome outcome = sessions.send(1, ChatReference.parse("@duplicated_chat"), TEXT).join();
    assertInstanceOf(SendOutcome.SenderUnavailable.class, outcome);
    td.releaseClose();
  }

  private TdlibSessions sessionsWithOwnPair(long sessionId, ApiPair pair) throws Exception {
    sessions.close(); // one receive loop per fake
    return over(td, dataDir, TIMEOUT, id -> id == sessionId ? Optional.of(pair) : Optional.empty());
  }

  @Test
  void everythingIsReceivedOnOneThread() {
    logIn(sessions, 1);
    logIn(sessions, 2);
    sessions.send(2, ChatReference.parse("@herald_demo"), TEXT).join();
    assertEquals(1, td.receiveThreads.size(), td.receiveThreads.toString());
    assertEquals(Optional.of("1.8.67"), sessions.status().version());
  }
}
