package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.API;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.KEY;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.AccountStanding;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.ChatKind;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.Rate;
import dev.herald.telegram.model.SendLog;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TDLib transport on Telegram's rules: Herald's own TDLib adapter ({@link TdlibSessions}:
 * preparing a chat, sending, forwarding) against the model library ({@link ModelTdJson}) on a world
 * with Telegram's limits, asserting what the world's send log and memberships received. A session
 * is a member of a chat only once it joined it.
 */
class TdlibOnModelTest {

  private static final long SESSION = 1;
  private static final Account ACCOUNT = Account.user(SESSION);

  @TempDir Path dataDir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final TelegramWorld world = new TelegramWorld(clock, TelegramLimits.telegram());
  private TdlibSessions sessions;

  @BeforeEach
  void loggedIn() {
    sessions =
        new TdlibSessions(
                TdlibLibrary.model(world, Optional.empty()),
                TestTdlibConfig.of(dataDir, Duration.ofSeconds(5)),
                KEY,
                Thread::new,
                Clock.systemUTC())
            .withOwnApiPairs(sessionId -> Optional.of(API));
    assertEquals(LoginStep.Kind.CODE_REQUIRED, sessions.startLogin(SESSION, PHONE, API).kind());
    assertEquals(LoginStep.ready(), sessions.submitCode(SESSION, "12345"));
  }

  @AfterEach
  void close() {
    sessions.close();
  }

  private Preparation prepare(ChatReference chat, boolean mayJoin) {
    return sessions.prepare(SESSION, chat, Optional.empty(), mayJoin).join();
  }

  private SendOutcome send(ChatReference chat, Post post) {
    return sessions.send(SESSION, chat, post).join();
  }

  private List<String> log() {
    return world.sendLog().entries().stream()
        .map(e -> e.chatId() + " " + e.type() + " " + e.text() + " " + e.outcome())
        .toList();
  }

  private Membership membership(long chatId) {
    return world.members(chatId).getOrDefault(ACCOUNT, Membership.LEFT);
  }

  @Test
  void aSessionPostsIntoTheForumTopicItsTargetNamesAndIsToldWhenTheTopicTakesNothing() {
    Chat forum = world.createChat(NewChat.supergroup("Forum").username("forum_group").forum());
    int ads = world.createTopic(forum.id());
    int closed = world.createTopic(forum.id());
    world.setTopicClosed(forum.id(), closed, true);
    ChatReference adsTopic = ChatReference.parse("https://t.me/forum_group/" + ads);
    assertTrue(prepare(adsTopic, true).joined());

    assertInstanceOf(SendOutcome.Delivered.class, send(adsTopic, Post.text("ad")));
    clock.advance(Duration.ofSeconds(2));
    assertInstanceOf(
        SendOutcome.Delivered.class, send(ChatReference.parse("@forum_group"), Post.text("gen")));
    clock.advance(Duration.ofSeconds(2));
    assertEquals(
        new SendOutcome.TopicUnavailable("TOPIC_CLOSED"),
        send(ChatReference.parse("@forum_group/" + closed), Post.text("closed")));
    assertEquals(
        List.of(
            forum.id() + "#" + ads + " ok",
            forum.id() + "#1 ok",
            forum.id() + "#" + closed + " 400 TOPIC_CLOSED"),
        world.sendLog().entries().stream()
            .map(e -> e.chatId() + "#" + e.topic() + " " + e.outcome())
            .toList());
  }

  /**
   * TDLib takes a topic id in any supergroup: in one that is no forum the post would go out as a
   * reply to the message of that id. The preparation finds that out first and joins nothing.
   */
  @Test
  void aTopicOfAGroupThatIsNoForumIsRefusedByThePreparationBeforeAnyJoin() {
    Chat plain = world.createChat(NewChat.supergroup("Plain").username("plain_group"));
    Preparation refused = prepare(ChatReference.parse("https://t.me/plain_group/5"), true);

    assertEquals("TOPIC_UNAVAILABLE", refused.error().orElseThrow().code());
    assertEquals(TargetRules.BLOCKED_RECHECK, refused.retryAfter());
    assertEquals(TargetMembership.NOT_MEMBER, refused.membership());
    assertFalse(refused.joined());
    assertEquals(Membership.LEFT, membership(plain.id()), "nothing joined");
    assertEquals(0, world.figures().joins());

    world.tell(ACCOUNT, plain.id());
    world.joinChat(ACCOUNT, plain.id()); // by hand
    Preparation member = prepare(ChatReference.parse("@plain_group/5"), true);
    assertEquals("TOPIC_UNAVAILABLE", member.error().orElseThrow().code());
    assertEquals(TargetMembership.JOINED, member.membership(), "its standing, as found");
  }

  @Test
  void aJoinBeyondTheAccountsJoinBudgetIsAFloodWaitAndJoinsNothing() {
    for (int i = 1; i <= 20; i++) { // the owner joined 20 groups by hand within the hour
      Chat hobby = world.createChat(NewChat.supergroup("Hobby").username("hobby_" + i));
      world.tell(ACCOUNT, hobby.id());
      world.joinChat(ACCOUNT, hobby.id());
    }
    Chat group = world.createChat(NewChat.supergroup("Public").username("public_group"));

    Preparation flooded = prepare(ChatReference.parse("@public_group"), true);

    assertFalse(flooded.retryAfter().isZero(), flooded::toString);
    assertEquals("FLOOD_WAIT", flooded.error().orElseThrow().code());
    assertFalse(flooded.joined(), "no join spent");
    assertEquals(Membership.LEFT, membership(group.id()));
    assertEquals(1, world.figures().joinFloodWaits());
  }

  @Test
  void aClientOnAnotherNodeFindsAJoinedGroupByItsStoredIdWithoutResolvingItAgain(
      @TempDir Path otherNode) throws Exception {
    TelegramLimits oneResolutionADay =
        new TelegramLimits(
            Rate.unlimited(),
            Rate.unlimited(),
            Rate.unlimited(),
            Rate.of(1, Duration.ofDays(1)),
            Rate.unlimited(),
            20,
            Duration.ofDays(1),
            Duration.ofDays(1),
            1);
    TelegramWorld strict = new TelegramWorld(clock, oneResolutionADay);
    Chat group = strict.createChat(NewChat.supergroup("Public").username("public_group"));
    ChatReference chat = ChatReference.parse("@public_group");
    TdlibSessions.KnownChatIds stored =
        (session, ref) ->
            session == SESSION && ref.equals("@public_group")
                ? OptionalLong.of(group.id())
                : OptionalLong.empty();
    try (TdlibSessions first = node(strict, dataDir.resolve("first"), stored);
        TdlibSessions second = node(strict, otherNode, stored)) {
      Preparation joined = first.prepare(SESSION, chat, Optional.empty(), true).join();
      assertEquals(
          TargetMembership.JOINED, joined.membership(), "resolved (the day's one) and joined");

      SendOutcome outcome = second.send(SESSION, chat, Post.text("hello")).join();

      assertInstanceOf(SendOutcome.Delivered.class, outcome, outcome::toString);
    }
  }

  @Test
  void aBasicGroupUpgradedToASupergroupIsFollowedThere() throws Exception {
    Chat basic = world.createChat(NewChat.of(ChatKind.GROUP, "Family market"));
    world.setMembership(basic.id(), ACCOUNT, Membership.MEMBER);
    ChatReference chat = ChatReference.parse(Long.toString(basic.id()));
    assertInstanceOf(SendOutcome.Delivered.class, send(chat, Post.text("before")));

    Chat supergroup = world.upgradeToSupergroup(basic.id());
    assertInstanceOf(SendOutcome.ChatForbidden.class, send(chat, Post.text("into the old group")));

    ChatTarget refused =
        new ChatTarget(
            new TargetKey(1, Sender.Kind.SESSION, SESSION, chat.canonical()),
            basic.id(),
            "Family market",
            TargetMembership.NOT_MEMBER,
            0,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    Preparation followed = sessions.prepare(SESSION, chat, Optional.of(refused), true).join();
    assertEquals(TargetMembership.JOINED, followed.membership(), followed::toString);
    assertEquals(supergroup.id(), followed.chatId(), "the supergroup's id, recorded for the sends");
    assertFalse(followed.joined(), "a member already: no join spent");
    assertInstanceOf(
        SendOutcome.Delivered.class, send(chat, Post.text("after")), "the same client follows it");

    try (TdlibSessions restarted =
        node(
            world,
            dataDir.resolve("restarted"),
            (session, ref) ->
                ref.equals(chat.canonical())
                    ? OptionalLong.of(followed.chatId())
                    : OptionalLong.empty())) {
      SendOutcome after = restarted.send(SESSION, chat, Post.text("after a restart")).join();
      assertInstanceOf(SendOutcome.Delivered.class, after, after::toString);
    }
    assertEquals(
        List.of(
            basic.id() + " text before " + SendLog.Entry.OK,
            basic.id() + " text into the old group CHAT_WRITE_FORBIDDEN",
            supergroup.id() + " text after " + SendLog.Entry.OK,
            supergroup.id() + " text after a restart " + SendLog.Entry.OK),
        log().stream().map(line -> line.replaceAll(" 400 | \\(.*\\)", " ")).toList());
  }

  /** Another node's sessions on {@code on}, session 1 logged in there. */
  private static TdlibSessions node(TelegramWorld on, Path data, TdlibSessions.KnownChatIds ids)
      throws Exception {
    TdlibSessions node =
        new TdlibSessions(
                TdlibLibrary.model(on, Optional.empty()),
                TestTdlibConfig.of(data, Duration.ofSeconds(5)),
                KEY,
                Thread::new,
                Clock.systemUTC())
            .withOwnApiPairs(sessionId -> Optional.of(API))
            .useKnownChatIds(ids);
    assertEquals(LoginStep.Kind.CODE_REQUIRED, node.startLogin(SESSION, PHONE, API).kind());
    assertEquals(LoginStep.ready(), node.submitCode(SESSION, "12345"));
    return node;
  }

  @Test
  void aPublicGroupIsPostedToOnlyOnceTheSessionJoinedIt() {
    Chat group = world.createChat(NewChat.supergroup("Public").username("public_group"));
    ChatReference chat = ChatReference.parse("@public_group");

    assertInstanceOf(SendOutcome.ChatForbidden.class, send(chat, Post.text("too early")));
    Preparation paced = prepare(chat, false);
    assertEquals(TargetMembership.NOT_MEMBER, paced.membership(), paced::toString);
    assertEquals(Membership.LEFT, membership(group.id()));

    Preparation joined = prepare(chat, true);
    assertEquals(TargetMembership.JOINED, joined.membership(), joined::toString);
    assertTrue(joined.joined(), "the join is counted against the pacing");
    assertEquals(group.id(), joined.chatId());
    assertEquals(Membership.MEMBER, membership(group.id()));
    assertInstanceOf(SendOutcome.Delivered.class, send(chat, Post.text("hello")));

    assertEquals(
        List.of(
            group.id() + " text too early CHAT_WRITE_FORBIDDEN",
            group.id() + " text hello " + SendLog.Entry.OK),
        log().stream().map(line -> line.replaceAll(" 400 | \\(.*\\)", " ")).toList());
  }

  @Test
  void slowModeIsReadWhenPreparedAndASecondPostTooSoonIsTheChatsSlowModeNotAFloodWait() {
    world.createChat(NewChat.supergroup("Slow").username("slow_group").slowMode(30));
    ChatReference chat = ChatReference.parse("@slow_group");

    Preparation prepared = prepare(chat, true);
    assertEquals(30, prepared.slowModeSeconds(), prepared::toString);
    assertInstanceOf(SendOutcome.Delivered.class, send(chat, Post.text("first")));
    clock.advance(Duration.ofSeconds(10));
    SendOutcome tooSoon = send(chat, Post.text("second"));
    assertEquals(new SendOutcome.SlowMode(Duration.ofSeconds(20), 30), tooSoon, "and its delay");
    clock.advance(Duration.ofSeconds(20));
    assertInstanceOf(SendOutcome.Delivered.class, send(chat, Post.text("third")));
    assertEquals(2, world.sendLog().delivered());
  }

  @Test
  void aPrivateGroupThatNeedsApprovalIsPostedToOnceAnAdminApprovedTheRequest() {
    Chat group = world.createChat(NewChat.supergroup("Club").inviteLink().joinByRequest());
    ChatReference chat = ChatReference.parse(world.inviteLink(group.id()).orElseThrow());

    Preparation requested = prepare(chat, true);
    assertEquals(TargetMembership.JOIN_REQUESTED, requested.membership(), requested::toString);
    assertEquals(List.of(ACCOUNT), world.joinRequests(group.id()));
    assertEquals(Membership.LEFT, membership(group.id()));

    world.approveJoinRequest(group.id(), ACCOUNT);
    Preparation admitted = prepare(chat, true);
    assertEquals(TargetMembership.JOINED, admitted.membership(), admitted::toString);
    assertEquals(group.id(), admitted.chatId());
    assertInstanceOf(SendOutcome.Delivered.class, send(chat, Post.text("hello club")));
    assertEquals(1, world.sendLog().count(ACCOUNT, group.id(), "hello club"));
  }

  @Test
  void aPrivateGroupAnyoneWithTheLinkMayJoinIsJoinedByItsLink() {
    Chat group = world.createChat(NewChat.supergroup("Open club").inviteLink());
    ChatReference chat = ChatReference.parse(world.inviteLink(group.id()).orElseThrow());

    Preparation joined = prepare(chat, true);
    assertEquals(TargetMembership.JOINED, joined.membership(), joined::toString);
    assertTrue(joined.joined());
    assertEquals(Membership.MEMBER, membership(group.id()));
    assertInstanceOf(SendOutcome.Delivered.class, send(chat, Post.text("hi")));
  }

  /** The record the engine keeps of a preparation ({@link TargetRules#prepared}). */
  private static ChatTarget recorded(ChatReference chat, Preparation prepared) {
    Instant now = Instant.now();
    return new TargetRules(10)
        .prepared(
            TargetKey.of(1, Sender.session(SESSION), chat.canonical()),
            Optional.empty(),
            prepared,
            now,
            now);
  }

  @Test
  void aClientJustOpenedIsWaitedForSoTheChatIsReallyJoined() {
    Chat group = world.createChat(NewChat.supergroup("Public").username("public_group"));
    sessions.close(SESSION); // as after a restart or a takeover: the next request opens it cold

    Preparation joined = prepare(ChatReference.parse("@public_group"), true);
    assertEquals(TargetMembership.JOINED, joined.membership(), joined::toString);
    assertEquals(Membership.MEMBER, membership(group.id()), "a member for Telegram too");
  }

  @Test
  void whatSaysNothingAboutTheChatFailsThePreparationInsteadOfPassingForJoined() {
    world.createChat(NewChat.supergroup("Public").username("public_group"));
    world.setStanding(ACCOUNT, AccountStanding.BANNED);
    CompletableFuture<Preparation> prepared =
        sessions.prepare(SESSION, ChatReference.parse("@public_group"), Optional.empty(), true);
    assertThrows(CompletionException.class, prepared::join, "the send says what is wrong");
  }

  @Test
  void aJoinRequestStillWaitingIsNotSentAgain() {
    Chat group =
        world.createChat(NewChat.supergroup("Vetted").username("vetted_group").joinByRequest());
    ChatReference chat = ChatReference.parse("@vetted_group");
    Preparation requested = prepare(chat, true);
    assertEquals(TargetMembership.JOIN_REQUESTED, requested.membership(), requested::toString);

    Preparation again =
        sessions.prepare(SESSION, chat, Optional.of(recorded(chat, requested)), true).join();
    assertEquals(TargetMembership.JOIN_REQUESTED, again.membership(), again::toString);
    assertFalse(again.joined(), "a check spends no join of the pace");
    assertEquals(1, world.figures().joins(), "one join request, not one per check");

    world.approveJoinRequest(group.id(), ACCOUNT);
    Preparation admitted =
        sessions.prepare(SESSION, chat, Optional.of(recorded(chat, again)), true).join();
    assertEquals(TargetMembership.JOINED, admitted.membership(), admitted::toString);
  }

  @Test
  void aChannelIsNeverJoinedNorWrittenToAndABanInAChatIsThatChatsOnly() {
    Chat news = world.createChat(NewChat.channel("News").username("news_channel"));
    Preparation channel = prepare(ChatReference.parse("@news_channel"), true);
    assertEquals(TargetMembership.WRITE_FORBIDDEN, channel.membership(), channel::toString);
    Chat club = world.createChat(NewChat.channel("Club news").inviteLink());
    Preparation byLink =
        prepare(ChatReference.parse(world.inviteLink(club.id()).orElseThrow()), true);
    assertEquals(TargetMembership.WRITE_FORBIDDEN, byLink.membership(), byLink::toString);
    assertEquals(Membership.LEFT, membership(news.id()));
    assertEquals(0, world.figures().joins(), "no join spent on a channel");

    Chat group = world.createChat(NewChat.supergroup("Strict").username("strict_group"));
    world.tell(ACCOUNT, group.id());
    world.setMembership(group.id(), ACCOUNT, Membership.BANNED);
    Preparation banned = prepare(ChatReference.parse("@strict_group"), true);
    assertEquals(TargetMembership.BANNED_IN_CHAT, banned.membership(), banned::toString);
    assertEquals(0, world.sendLog().attempts(), "nothing was sent to either");
  }

  @Test
  void aChatGivenByIdIsFoundOnAClientOpenedFromTheStoredStateAlone() throws Exception {
    Chat group = world.createChat(NewChat.supergroup("By id").username("id_group"));
    prepare(ChatReference.parse("@id_group"), true);
    sessions.close(SESSION);
    // Another node restores the binlog only: the client's chat database is gone.
    Files.delete(dataDir.resolve("session-" + SESSION).resolve(ModelTdSeenChats.FILE));

    ChatReference byId = ChatReference.parse(Long.toString(group.id()));
    assertInstanceOf(SendOutcome.Delivered.class, send(byId, Post.text("by id")));
    assertEquals(1, world.sendLog().count(ACCOUNT, group.id(), "by id"));
  }

  @Test
  void theSendNeverJoinsAChatByItsLinkThatIsThePreparationsToDoAtThePace() {
    Chat group = world.createChat(NewChat.supergroup("Open club").inviteLink());
    ChatReference chat = ChatReference.parse(world.inviteLink(group.id()).orElseThrow());

    assertInstanceOf(SendOutcome.ChatForbidden.class, send(chat, Post.text("not yet")));
    assertEquals(0, world.figures().joins());
    assertEquals(Membership.LEFT, membership(group.id()));
  }

  @Test
  void aForwardReachesTheGroupFromItsSourceChannel() {
    world.createChat(NewChat.channel("Source").username("source_channel"));
    Chat group = world.createChat(NewChat.supergroup("Target").username("target_group"));
    ChatReference chat = ChatReference.parse("@target_group");
    prepare(chat, true);

    MessageLink source = MessageLink.parse("https://t.me/source_channel/42");
    assertInstanceOf(SendOutcome.Delivered.class, send(chat, Post.forward(source)));
    assertEquals(
        List.of(group.id() + " forward https://t.me/source_channel/42 " + SendLog.Entry.OK), log());
  }

  @Test
  void aForwardFromAChannelThatProtectsItsContentIsThePostsFaultAndSendsNothing() {
    world.createChat(NewChat.channel("Source").username("vault").protectedContent());
    world.createChat(NewChat.supergroup("Target").username("target_group"));
    ChatReference chat = ChatReference.parse("@target_group");
    prepare(chat, true);

    SendOutcome outcome = send(chat, Post.forward(MessageLink.parse("https://t.me/vault/42")));

    assertInstanceOf(SendOutcome.PostRejected.class, outcome, outcome::toString);
    assertEquals(List.of(), log(), "nothing reached Telegram");
  }

  @Test
  void anAccountTelegramBannedIsBannedOnlyOnTelegramsAnswer() {
    world.createChat(NewChat.supergroup("Public").username("public_group"));
    ChatReference chat = ChatReference.parse("@public_group");
    prepare(chat, true);
    world.setStanding(ACCOUNT, AccountStanding.BANNED);
    SendOutcome banned = send(chat, Post.text("hello"));
    assertInstanceOf(SendOutcome.SenderBanned.class, banned, banned::toString);
  }
}
