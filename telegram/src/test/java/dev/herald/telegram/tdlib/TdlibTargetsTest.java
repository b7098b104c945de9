package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.logIn;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Targets through TDLib's requests, against {@link FakeTdJson}. */
class TdlibTargetsTest extends FakeTdlibTest {

  @Override
  TdlibSessions open() throws Exception {
    return over(td, dataDir, Duration.ofMillis(800));
  }

  @BeforeEach
  void logInSessionOne() {
    logIn(sessions, 1);
  }

  private Preparation prepare(String chat, Optional<ChatTarget> known, boolean mayJoin) {
    return sessions.prepare(1, ChatReference.parse(chat), known, mayJoin).join();
  }

  /** Session 1's stored target for {@code @username}: its chat id known, not a member. */
  private static ChatTarget storedNotMember(String username) {
    return new ChatTarget(
        new TargetKey(1, Sender.Kind.SESSION, 1, "@" + username),
        FakeTdJson.chatId(username),
        null,
        TargetMembership.NOT_MEMBER,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The chat requests the session made, in order (the login's are left out). */
  private List<String> requested() {
    List<String> chatRequests =
        List.of(
            "searchPublicChat",
            "getChat",
            "loadChats",
            "getSupergroup",
            "getSupergroupFullInfo",
            "joinChat",
            "checkChatInviteLink",
            "joinChatByInviteLink");
    return td.requests.stream().map(TdlibJson::type).filter(chatRequests::contains).toList();
  }

  @Test
  void aClientStillStartingIsWaitedForAndNeverTakenAsJoined() throws Exception {
    sessions.close(1);
    td.holdParameters(); // the reopened client's database is slow to open
    try (TdlibSessions restarted =
        over(td, dataDir, Duration.ofMillis(800), id -> Optional.of(FakeTdlibSessions.API))) {
      CompletableFuture<Preparation> prepared =
          restarted.prepare(1, ChatReference.parse("@slow_chat"), Optional.empty(), true);
      assertThrows(CompletionException.class, prepared::join, "no answer about the chat");
    }
    assertEquals(List.of(), requested(), "nothing asked before the client started");
    assertFalse(td.joined("slow_chat"));
  }

  @Test
  void aJoinTelegramRefusesIsAJoinSpentAndShownNotAFailedPreparation() {
    Preparation refused = prepare("@one_too_many", Optional.empty(), true);

    assertEquals(TargetMembership.NOT_MEMBER, refused.membership(), refused::toString);
    assertTrue(refused.joined(), "counted by the pace: not tried again at every cycle");
    assertEquals(TargetErrors.JOIN_REFUSED, refused.error().orElseThrow().code());
    assertTrue(refused.error().orElseThrow().message().contains("CHANNELS_TOO_MUCH"));
  }

  @Test
  void aPublicGroupIsResolvedThenJoinedWithItsSlowMode() {
    Preparation ready = prepare("@slow_chat", Optional.empty(), true);

    assertEquals(TargetMembership.JOINED, ready.membership());
    assertTrue(ready.joined());
    assertEquals(FakeTdJson.chatId("slow_chat"), ready.chatId());
    assertEquals(30, ready.slowModeSeconds());
    assertTrue(td.joined("slow_chat"));
    assertEquals(
        List.of("searchPublicChat", "getSupergroup", "joinChat", "getSupergroupFullInfo"),
        requested());
  }

  @Test
  void aJoinTdlibHoldsWhileItWaitsOutAFloodWaitIsWaitedForAndCounted() throws Exception {
    // TDLib waits out flood waits of up to 60 s itself and then answers: such a join takes longer
    // than a request timeout (here 300 ms) and is a join all the same.
    TdlibConfig shortRequests =
        new TdlibConfig(
            dataDir.resolve("other"),
            true,
            Duration.ofSeconds(5),
            Duration.ofMillis(300),
            Duration.ofSeconds(10),
            "en",
            "Herald",
            "0.1.0",
            3,
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    FakeTdJson slowTd = new FakeTdJson();
    try (TdlibSessions slow =
        new TdlibSessions(
            FakeTdlibSessions.library(slowTd),
            shortRequests,
            FakeTdlibSessions.KEY,
            Thread::new,
            java.time.Clock.systemUTC())) {
      logIn(slow, 1);
      slowTd.answerAfter(Duration.ofMillis(600));

      Preparation joined =
          slow.prepare(1, ChatReference.parse("@slow_chat"), Optional.empty(), true).join();

      assertEquals(TargetMembership.JOINED, joined.membership(), joined::toString);
      assertTrue(joined.joined(), "counted against the pace");
      assertTrue(slowTd.joined("slow_chat"));
    }
  }

  @Test
  void aStoredIdIsReusedAndAPacedJoinJoinsNothing() {
    prepare("@herald_group", Optional.empty(), false);
    ChatTarget known = storedNotMember("herald_group");
    td.requests.clear();

    Preparation paced = prepare("@herald_group", Optional.of(known), false);

    assertEquals(TargetErrors.JOIN_PACED, paced.error().orElseThrow().code());
    assertFalse(td.joined("herald_group"));
    assertEquals(List.of("getChat", "getSupergroup"), requested(), "no searchPublicChat again");
  }

  @Test
  void aStoredIdThisClientHasNotSeenIsResolvedAgainByItsUsername() {
    // A client opened from the stored binlog on another node has no chat database: it does not
    // know the id the target stored.
    ChatTarget known = storedNotMember("herald_group");

    Preparation found = prepare("@herald_group", Optional.of(known), false);

    assertEquals(FakeTdJson.chatId("herald_group"), found.chatId());
    assertEquals(TargetErrors.JOIN_PACED, found.error().orElseThrow().code(), "found, not joined");
    assertEquals(
        List.of(
            "getChat", "loadChats", "loadChats", "getChat", "searchPublicChat", "getSupergroup"),
        requested(),
        "its chat lists (main, archive) loaded first: the session is not in it");
  }

  @Test
  void aGroupNeedingApprovalAnswersJoinRequested() {
    Preparation requested = prepare(FakeTdJson.APPROVAL_LINK, Optional.empty(), true);
    assertEquals(TargetMembership.JOIN_REQUESTED, requested.membership());
    assertTrue(requested.joined());
    assertEquals(
        TargetMembership.JOIN_REQUESTED,
        prepare("@approval_chat", Optional.empty(), true).membership());
  }

  @Test
  void anOpenInviteLinkIsJoinedAndItsChatReadFromTheJoinResult() {
    Preparation joined = prepare(FakeTdJson.OPEN_LINK, Optional.empty(), true);

    assertEquals(TargetMembership.JOINED, joined.membership(), joined::toString);
    assertTrue(joined.joined(), "a join spent");
    assertEquals(FakeTdJson.chatId("open_club"), joined.chatId());
    assertEquals(
        List.of(
            "checkChatInviteLink",
            "joinChatByInviteLink",
            "getChat",
            "getSupergroup",
            "getSupergroupFullInfo"),
        requested());
  }

  @Test
  void aChatTheLinkShowsBeforeJoiningIsJoinedByTheLink() {
    Preparation joined = prepare(FakeTdJson.PREVIEW_LINK, Optional.empty(), true);

    assertEquals(TargetMembership.JOINED, joined.membership(), joined::toString);
    assertTrue(joined.joined(), "a join spent");
    assertTrue(td.joined("preview_club"));
    assertEquals(FakeTdJson.PREVIEW_LINK, td.last("joinChatByInviteLink").getString("invite_link"));
    assertEquals(0, td.count("joinChat"), "a private chat is joined by its link, not its id");
  }

  @Test
  void aPostToAnInviteLinkNeverJoinsItAndGoesToTheChatOnceJoined() {
    ChatReference link = ChatReference.parse(FakeTdJson.OPEN_LINK);
    assertInstanceOf(
        SendOutcome.ChatForbidden.class, sessions.send(1, link, Post.text("Hello")).join());
    assertEquals(0, td.count("joinChatByInviteLink"), "joins are the preparation's, paced");

    prepare(FakeTdJson.OPEN_LINK, Optional.empty(), true);
    SendOutcome sent = sessions.send(1, link, Post.text("Hello")).join();

    assertInstanceOf(SendOutcome.Delivered.class, sent);
    assertEquals(
        FakeTdJson.chatId("open_club"),
        td.last("sendMessage").getJsonNumber("chat_id").longValue());
  }

  @Test
  void aChannelIsWriteForbiddenAndABanIsShown() {
    assertEquals(
        TargetMembership.WRITE_FORBIDDEN,
        prepare("@channel_news", Optional.empty(), true).membership());
    assertEquals(
        TargetMembership.BANNED_IN_CHAT,
        prepare("@banned_chat", Optional.empty(), true).membership());
    assertEquals(
        TargetErrors.CHAT_NOT_FOUND,
        prepare("@missing_chat", Optional.empty(), true).error().orElseThrow().code());
  }
}
