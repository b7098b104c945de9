package dev.herald.telegram.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.FormattedText;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.domain.telegram.UrlButton;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.AccountStanding;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.MessageMarkup;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sandbox gateway on the Telegram model: reaching chats, Telegram's answers, the open world.
 */
class SandboxGatewayOnModelTest {

  private static final Sender SESSION = Sender.session(7);
  private static final Sender BOT = Sender.userBot(55, "55:token");
  private static final Post POST = Post.text("hello");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());

  private SandboxGateway gateway(boolean open) {
    DemoWorld.seed(telegram);
    return new SandboxGateway(
        new SandboxFaults(FaultPlan.none(), 42), new SandboxWorld(telegram, open), clock);
  }

  private static ChatReference chat(String raw) {
    return ChatReference.parse(raw);
  }

  @Test
  void anOpenWorldCreatesUnknownUsernamesAsOpenPublicSupergroups() {
    SandboxGateway sandbox = gateway(true);
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, chat("@group_1"), POST));
    Chat created = telegram.chatByUsername("group_1").orElseThrow();
    assertEquals(
        Membership.MEMBER,
        telegram.getChatMember(Account.user(7), created.id(), Account.user(7)).membership());
    assertEquals(1, sandbox.world().deliveries(SESSION, chat("@group_1"), "hello"));
    // A bot posting there is taken as added to it.
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(BOT, chat("@group_1"), POST));
  }

  @Test
  void postsGoIntoTheTopicTheTargetNamesForSessionsAndBotsAlike() {
    SandboxGateway sandbox = gateway(true);
    assertInstanceOf(
        SendOutcome.Delivered.class, sandbox.send(SESSION, chat("https://t.me/forum_1/5"), POST));
    Chat forum = telegram.chatByUsername("forum_1").orElseThrow();
    assertTrue(forum.isForum(), "the open world makes the forum a topic link names");
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(BOT, chat("@forum_1/5"), POST));
    telegram.setTopicClosed(forum.id(), 5, true);
    assertEquals(
        new SendOutcome.TopicUnavailable("TOPIC_CLOSED"),
        sandbox.send(SESSION, chat("@forum_1/5"), POST));
    assertEquals(
        new SendOutcome.TopicUnavailable("Bad Request: TOPIC_CLOSED"),
        sandbox.send(BOT, chat("@forum_1/5"), POST));
    assertEquals(
        List.of("5 ok", "5 ok", "5 400 TOPIC_CLOSED", "5 400 Bad Request: TOPIC_CLOSED"),
        telegram.sendLog().entries().stream().map(e -> e.topic() + " " + e.outcome()).toList());
  }

  @Test
  void aTopicIsPreparedOnlyInAForumAndTheOpenWorldsForumsHaveEveryTopicAsked() {
    SandboxGateway sandbox = gateway(true);
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, chat("@plain_1"), POST));
    Preparation refused =
        sandbox
            .prepare(SESSION, chat("@plain_1/5"), Optional.empty(), true)
            .toCompletableFuture()
            .join();
    assertEquals(TargetErrors.TOPIC_UNAVAILABLE, refused.error().orElseThrow().code());
    assertEquals(TargetRules.BLOCKED_RECHECK, refused.retryAfter());

    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(BOT, chat("@forum_2/5"), POST));
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(BOT, chat("@forum_2/9"), POST));
    assertEquals(
        List.of(0, 5, 9), telegram.sendLog().entries().stream().map(e -> e.topic()).toList());
  }

  @Test
  void theModelRecordsEntitiesAndButtonsAndDropsAUserAccountsKeyboard() {
    SandboxGateway sandbox = gateway(true);
    Post post =
        Post.text(
            new FormattedText("Hello bold", List.of(TextEntity.of("bold", 6, 4))),
            List.of(List.of(new UrlButton("Open", "https://example.com"))));
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(BOT, chat("@group_1"), post));
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, chat("@group_1"), post));

    MessageMarkup byBot = telegram.sendLog().entries().get(0).markup();
    assertEquals(List.of(new MessageMarkup.Entity("bold", 6, 4, null)), byBot.entities());
    assertEquals(
        List.of(List.of(new MessageMarkup.Button("Open", "https://example.com"))),
        byBot.keyboard());
    MessageMarkup bySession = telegram.sendLog().entries().get(1).markup();
    assertEquals(byBot.entities(), bySession.entities());
    assertTrue(bySession.keyboard().isEmpty(), "Telegram ignores a user account's keyboard");
  }

  @Test
  void anEntityOutsideTheTextIsRefused() {
    SandboxGateway sandbox = gateway(true);
    Post post =
        Post.text(new FormattedText("short", List.of(TextEntity.of("bold", 3, 9))), List.of());
    SendOutcome outcome = sandbox.send(BOT, chat("@group_1"), post);
    assertInstanceOf(SendOutcome.PostRejected.class, outcome);
    assertTrue(outcome.toString().contains("ENTITY_BOUNDS_INVALID"), outcome.toString());
    assertEquals(0, telegram.sendLog().delivered());
  }

  /**
   * Telegram's length limit refuses the post, whoever sends it: neither sender nor chat is hurt.
   */
  @Test
  void aTooLongPostIsRejectedForSessionsAndBotsAlike() {
    SandboxGateway sandbox = gateway(true);
    Post tooLong = Post.text("x".repeat(4097));
    assertEquals(
        new SendOutcome.PostRejected("Telegram refused the post: MESSAGE_TOO_LONG"),
        sandbox.send(SESSION, chat("@group_1"), tooLong));
    assertEquals(
        new SendOutcome.PostRejected("Telegram refused the post: Bad Request: message is too long"),
        sandbox.send(BOT, chat("@group_1"), tooLong));
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, chat("@group_1"), POST));
  }

  @Test
  void anOpenWorldCreatesUnknownChatIdsAndInviteLinksOnFirstContact() {
    SandboxGateway sandbox = gateway(true);
    ChatReference id = chat("-1001234567890");
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, id, POST));
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(BOT, id, POST));
    assertInstanceOf(
        SendOutcome.Delivered.class,
        sandbox.send(SESSION, chat("https://t.me/+MadeUpHash1"), POST));
    assertEquals(1, sandbox.world().deliveries(BOT, id, "hello"));
  }

  @Test
  void aClosedWorldAnswersChatNotFoundForUnknownChats() {
    SandboxGateway sandbox = gateway(false);
    assertInstanceOf(SendOutcome.ChatNotFound.class, sandbox.send(SESSION, chat("@group_1"), POST));
    assertInstanceOf(
        SendOutcome.ChatNotFound.class, sandbox.send(SESSION, chat("-1001234567890"), POST));
    assertInstanceOf(
        SendOutcome.ChatNotFound.class,
        sandbox.send(SESSION, chat("https://t.me/+NoSuchHash1"), POST));
    assertEquals(0, telegram.sendLog().delivered());
  }

  @Test
  void aSessionPostsInAPublicGroupOnlyAfterJoiningIt() {
    SandboxGateway sandbox = gateway(false);
    assertInstanceOf(
        SendOutcome.ChatForbidden.class, sandbox.send(SESSION, chat("@sandbox_lounge"), POST));
    prepare(sandbox, SESSION, chat("@sandbox_lounge"));
    assertInstanceOf(
        SendOutcome.Delivered.class, sandbox.send(SESSION, chat("@sandbox_lounge"), POST));
    long lounge = telegram.chatByUsername("sandbox_lounge").orElseThrow().id();
    assertEquals(1, telegram.chat(lounge).orElseThrow().memberCount());
    // Now the session sees the id too.
    clock.advance(Duration.ofSeconds(2));
    assertInstanceOf(
        SendOutcome.Delivered.class, sandbox.send(SESSION, chat(Long.toString(lounge)), POST));
    // Another session never saw it: the bare id is unknown to it.
    assertInstanceOf(
        SendOutcome.ChatNotFound.class,
        sandbox.send(Sender.session(8), chat(Long.toString(lounge)), POST));
  }

  @Test
  void theSlowModeGroupAnswersSlowModeWithTheTimeLeft() {
    SandboxGateway sandbox = gateway(false);
    prepare(sandbox, SESSION, chat("@sandbox_slow"));
    assertInstanceOf(
        SendOutcome.Delivered.class, sandbox.send(SESSION, chat("@sandbox_slow"), POST));
    clock.advance(Duration.ofSeconds(10));
    assertEquals(
        new SendOutcome.SlowMode(Duration.ofSeconds(20)),
        sandbox.send(SESSION, chat("@sandbox_slow"), POST));
  }

  @Test
  void theChannelRefusesSessionsAndBots() {
    SandboxGateway sandbox = gateway(false);
    assertInstanceOf(
        SendOutcome.ChatForbidden.class, sandbox.send(SESSION, chat("@sandbox_news"), POST));
    assertInstanceOf(
        SendOutcome.ChatForbidden.class, sandbox.send(BOT, chat("@sandbox_news"), POST));
  }

  @Test
  void thePrivateGroupTakesAJoinRequestAndPostsAfterApproval() {
    SandboxGateway sandbox = gateway(false);
    ChatReference club = chat(DemoWorld.PRIVATE_CLUB);
    assertInstanceOf(SendOutcome.ChatNotFound.class, sandbox.send(SESSION, club, POST));
    prepare(sandbox, SESSION, club);
    long id = telegram.chatByInviteLink(DemoWorld.PRIVATE_CLUB).orElseThrow().id();
    telegram.approveJoinRequest(id, Account.user(7));
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, club, POST));
    assertInstanceOf(SendOutcome.ChatNotFound.class, sandbox.send(BOT, club, POST));
  }

  @Test
  void botsPostOnlyWhereTheyWereAdded() {
    SandboxGateway sandbox = gateway(false);
    assertInstanceOf(
        SendOutcome.ChatForbidden.class, sandbox.send(BOT, chat("@sandbox_market"), POST));
    long market = telegram.chatByUsername("sandbox_market").orElseThrow().id();
    telegram.setMembership(market, Account.bot(55), Membership.MEMBER);
    assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(BOT, chat("@sandbox_market"), POST));
  }

  @Test
  void telegramsRateLimitsAnswerFloodWaitAndStandingsAnswerBans() {
    SandboxGateway sandbox = gateway(true);
    for (int i = 0; i < 3; i++) {
      assertInstanceOf(SendOutcome.Delivered.class, sandbox.send(SESSION, chat("@busy_1"), POST));
    }
    assertEquals(
        new SendOutcome.FloodWait(Duration.ofSeconds(1)),
        sandbox.send(SESSION, chat("@busy_1"), POST));
    telegram.setStanding(Account.user(7), AccountStanding.BANNED);
    assertInstanceOf(SendOutcome.SenderBanned.class, sandbox.send(SESSION, chat("@busy_2"), POST));
    telegram.setStanding(Account.bot(55), AccountStanding.REVOKED);
    assertInstanceOf(SendOutcome.Unauthorized.class, sandbox.send(BOT, chat("@busy_2"), POST));
  }

  @Test
  void forwardsAreSentAndLoggedWithTheirSourceLink() {
    SandboxGateway sandbox = gateway(true);
    Post forward = Post.forward(MessageLink.parse("https://t.me/source_chat/15"));
    assertInstanceOf(
        SendOutcome.Delivered.class, sandbox.send(SESSION, chat("@fwd_group"), forward));
    assertEquals(
        1, sandbox.world().deliveries(SESSION, chat("@fwd_group"), "https://t.me/source_chat/15"));
    assertEquals("forward", telegram.sendLog().entries().get(0).type());
  }

  private static void prepare(SandboxGateway sandbox, Sender sender, ChatReference chat) {
    sandbox.prepare(sender, chat, java.util.Optional.empty(), true).toCompletableFuture().join();
  }

  @Test
  void theFaultPlanComesBeforeTheWorld() {
    SandboxFaults faults = new SandboxFaults(FaultPlan.none().withBanProbability(1), 1);
    DemoWorld.seed(telegram);
    SandboxGateway sandbox = new SandboxGateway(faults, new SandboxWorld(telegram, true), clock);
    assertInstanceOf(
        SendOutcome.SenderBanned.class, sandbox.send(SESSION, chat("@sandbox_slow"), POST));
    assertEquals(0, telegram.sendLog().attempts());
  }
}
