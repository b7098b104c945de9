package dev.herald.telegram.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Sender;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.Rate;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Preparing targets on the Telegram model (a closed world with the demo chats). */
class SandboxTargetsTest {

  private static final Sender SESSION = Sender.session(7);
  private static final Account USER = Account.user(7);
  private static final Sender BOT = Sender.userBot(55, "4242:token");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

  private SandboxGateway gateway(TelegramWorld telegram) {
    DemoWorld.seed(telegram);
    return new SandboxGateway(
        new SandboxFaults(FaultPlan.none(), 42), new SandboxWorld(telegram, false), clock);
  }

  private static Preparation prepare(
      SandboxGateway sandbox, Sender sender, String chat, Optional<ChatTarget> known, boolean may) {
    return sandbox
        .prepare(sender, ChatReference.parse(chat), known, may)
        .toCompletableFuture()
        .join();
  }

  @Test
  void aSessionJoinsAPublicGroupBeforeItsFirstPost() {
    TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());
    SandboxGateway sandbox = gateway(telegram);
    Chat slow = telegram.chatByUsername("sandbox_slow").orElseThrow();

    Preparation ready = prepare(sandbox, SESSION, "@sandbox_slow", Optional.empty(), true);

    assertEquals(TargetMembership.JOINED, ready.membership());
    assertTrue(ready.joined());
    assertEquals(slow.id(), ready.chatId());
    assertEquals(30, ready.slowModeSeconds());
    assertEquals(Membership.MEMBER, telegram.getChatMember(USER, slow.id(), USER).membership());
  }

  /**
   * The stored target of session 7 whose join request to {@code chat} waits for approval, with the
   * chat id and title as stored and the error of the preparation that {@code requested} it.
   */
  private static ChatTarget waitingOnItsJoinRequest(
      String chat, long chatId, String title, Preparation requested) {
    return new ChatTarget(
        new TargetKey(1, Sender.Kind.SESSION, 7, chat),
        chatId,
        title,
        TargetMembership.JOIN_REQUESTED,
        0,
        Optional.empty(),
        Optional.empty(),
        requested.error(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void aPacedJoinJoinsNothing() {
    TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());
    SandboxGateway sandbox = gateway(telegram);

    Preparation paced = prepare(sandbox, SESSION, "@sandbox_lounge", Optional.empty(), false);

    assertEquals(TargetMembership.NOT_MEMBER, paced.membership());
    assertEquals(TargetErrors.JOIN_PACED, paced.error().orElseThrow().code());
    long lounge = telegram.chatByUsername("sandbox_lounge").orElseThrow().id();
    assertEquals(Membership.LEFT, telegram.getChatMember(USER, lounge, USER).membership());
  }

  @Test
  void anInviteLinkNeedingApprovalSendsOneJoinRequestAndWaits() {
    TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());
    SandboxGateway sandbox = gateway(telegram);
    String club = DemoWorld.PRIVATE_CLUB;

    Preparation requested = prepare(sandbox, SESSION, club, Optional.empty(), true);
    assertEquals(TargetMembership.JOIN_REQUESTED, requested.membership());
    assertTrue(requested.joined(), "a join request counts as a join");
    long clubId = telegram.chatByInviteLink(club).orElseThrow().id();
    assertEquals(1, telegram.joinRequests(clubId).size());

    ChatTarget known = waitingOnItsJoinRequest(club, 0, null, requested);
    assertEquals(
        TargetMembership.JOIN_REQUESTED,
        prepare(sandbox, SESSION, club, Optional.of(known), true).membership());

    telegram.approveJoinRequest(clubId, USER);
    assertEquals(
        TargetMembership.JOINED,
        prepare(sandbox, SESSION, club, Optional.of(known), true).membership());
  }

  @Test
  void aPublicGroupNeedingApprovalGetsOneJoinRequestNotOnePerCheck() {
    TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());
    SandboxGateway sandbox = gateway(telegram);
    long gate =
        telegram
            .createChat(NewChat.supergroup("Gated").username("gated_group").joinByRequest())
            .id();

    Preparation requested = prepare(sandbox, SESSION, "@gated_group", Optional.empty(), true);
    assertEquals(TargetMembership.JOIN_REQUESTED, requested.membership());
    assertTrue(requested.joined(), "a join request counts as a join");
    assertEquals(gate, requested.chatId(), "the resolved id is kept: no second resolution");

    ChatTarget known =
        waitingOnItsJoinRequest("@gated_group", requested.chatId(), requested.title(), requested);
    long joins = telegram.figures().joins();
    assertEquals(
        TargetMembership.JOIN_REQUESTED,
        prepare(sandbox, SESSION, "@gated_group", Optional.of(known), true).membership());
    assertEquals(joins, telegram.figures().joins(), "a check while waiting asks nothing again");

    telegram.approveJoinRequest(gate, USER);
    assertEquals(
        TargetMembership.JOINED,
        prepare(sandbox, SESSION, "@gated_group", Optional.of(known), true).membership());
  }

  @Test
  void aBotNotAddedIsToldToBeAddedAndJoinsNothing() {
    TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());
    SandboxGateway sandbox = gateway(telegram);

    Preparation notAdded = prepare(sandbox, BOT, "@sandbox_market", Optional.empty(), true);

    assertEquals(TargetMembership.NOT_MEMBER, notAdded.membership());
    assertEquals(
        "Add @sandbox_bot_4242 to @sandbox_market and let it post.",
        notAdded.error().orElseThrow().message());
    long market = telegram.chatByUsername("sandbox_market").orElseThrow().id();
    telegram.setMembership(market, Account.bot(55), Membership.MEMBER);
    assertEquals(
        TargetMembership.JOINED,
        prepare(sandbox, BOT, "@sandbox_market", Optional.empty(), true).membership());
  }

  @Test
  void aChannelASessionMayNotPostInIsWriteForbidden() {
    TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());
    SandboxGateway sandbox = gateway(telegram);

    assertEquals(
        TargetMembership.WRITE_FORBIDDEN,
        prepare(sandbox, SESSION, "@sandbox_news", Optional.empty(), true).membership());
  }

  @Test
  void anExhaustedUsernameBudgetDefersTheChatAndAResolvedIdIsReused() {
    TelegramLimits oneResolution =
        new TelegramLimits(
            Rate.unlimited(),
            Rate.unlimited(),
            Rate.unlimited(),
            Rate.of(1, Duration.ofDays(1)),
            Rate.unlimited(),
            Integer.MAX_VALUE,
            Duration.ofDays(1),
            Duration.ofDays(1),
            1);
    TelegramWorld telegram = new TelegramWorld(clock, oneResolution);
    SandboxGateway sandbox = gateway(telegram);

    Preparation first = prepare(sandbox, SESSION, "@sandbox_lounge", Optional.empty(), true);
    assertEquals(TargetMembership.JOINED, first.membership());
    Preparation second = prepare(sandbox, SESSION, "@sandbox_market", Optional.empty(), true);
    assertFalse(second.retryAfter().isZero(), "deferred until the budget allows, not failed");

    ChatTarget known =
        new ChatTarget(
            new TargetKey(1, Sender.Kind.SESSION, 7, "@sandbox_lounge"),
            first.chatId(),
            first.title(),
            TargetMembership.NOT_MEMBER,
            0,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertEquals(
        TargetMembership.JOINED,
        prepare(sandbox, SESSION, "@sandbox_lounge", Optional.of(known), true).membership());
  }

  @Test
  void theOpenWorldsChatsAdmitEveryoneWithoutAPacedJoin() {
    TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());
    DemoWorld.seed(telegram);
    SandboxGateway sandbox =
        new SandboxGateway(
            new SandboxFaults(FaultPlan.none(), 42), new SandboxWorld(telegram, true), clock);

    for (String chat : new String[] {"@made_up_group", "https://t.me/+MadeUpInviteLink1"}) {
      Preparation ready = prepare(sandbox, SESSION, chat, Optional.empty(), false);
      assertEquals(TargetMembership.JOINED, ready.membership(), chat);
      assertFalse(ready.joined(), chat + ": no join counted");
    }
  }
}
