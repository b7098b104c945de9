package dev.herald.domain.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final Duration GAP = Duration.ofMinutes(1);
  private final TargetRules rules = new TargetRules(2);

  private static TargetKey key(String chat) {
    return new TargetKey(1, Sender.Kind.SESSION, 7, chat);
  }

  private static ChatTarget joinedAt(String chat, Instant at) {
    return member(chat, at, false);
  }

  /**
   * A tenant's bot in {@code @group}, told it may post there ({@code seenAt}: when Herald saw it).
   */
  private static ChatTarget bot(Optional<Instant> seenAt) {
    return new ChatTarget(
        new TargetKey(1, Sender.Kind.USER_BOT, 1, "@group"),
        5,
        "Group",
        TargetMembership.JOINED,
        0,
        Optional.empty(),
        seenAt,
        Optional.empty(),
        seenAt,
        Optional.empty());
  }

  @Test
  void aSessionJoinsAtMostItsJoinsPerHour() {
    assertEquals(NOW, rules.nextJoinAt(List.of(joinedAt("@a", NOW.minusSeconds(60))), NOW));
    Instant oldest = NOW.minusSeconds(600);
    assertEquals(
        oldest.plus(Duration.ofHours(1)),
        rules.nextJoinAt(List.of(joinedAt("@a", oldest), joinedAt("@b", NOW)), NOW));
    assertEquals(
        NOW,
        rules.nextJoinAt(
            List.of(joinedAt("@a", NOW.minusSeconds(3700)), joinedAt("@b", NOW)), NOW));
  }

  @Test
  void aShorterJoinWindowCountsTheJoinsOverItForASimulatedDay() {
    TargetRules scaled = new TargetRules(2, Duration.ofSeconds(75), TargetRules.NEW_CHATS_PER_DAY);
    Instant oldest = NOW.minusSeconds(30);
    List<ChatTarget> two = List.of(joinedAt("@a", oldest), joinedAt("@b", NOW));
    assertEquals(oldest.plusSeconds(75), scaled.nextJoinAt(two, NOW));
    Instant later = oldest.plusSeconds(80);
    assertEquals(later, scaled.nextJoinAt(two, later), "the oldest join left the window");
  }

  @Test
  void aFloodWaitWhilePreparingHoldsTheSendersOtherPreparationsUntilItEnds() {
    Duration wait = Duration.ofSeconds(180);
    ChatTarget flooded =
        rules.prepared(
            key("@a"),
            Optional.empty(),
            Preparation.retryAfter(wait, TargetErrors.floodWait(wait)),
            NOW,
            NOW);
    Instant ends = NOW.plus(wait);
    assertEquals(Optional.of(ends), rules.preparationsHeldUntil(List.of(flooded), NOW));
    assertEquals(
        Optional.empty(), rules.preparationsHeldUntil(List.of(flooded), ends), "until it ends");

    ChatTarget held = rules.heldBack(key("@b"), Optional.empty(), ends, NOW.plusSeconds(60));
    assertEquals(Optional.of(ends), held.nextPostAt());
    assertEquals(TargetMembership.NOT_MEMBER, held.membership());
    assertEquals(TargetErrors.FLOOD_WAIT, held.lastError().orElseThrow().code());

    // A flood wait answered to a send is that chat's only: the sender's joins go on.
    ChatTarget sentTooFast =
        rules
            .afterSend(joinedAt("@c", NOW), new SendOutcome.FloodWait(wait), NOW, GAP)
            .orElseThrow();
    assertEquals(Optional.empty(), rules.preparationsHeldUntil(List.of(sentTooFast), NOW));
  }

  @Test
  void aBotFoundNotAddedIsLeftOutOfTheDealingForAnHourThenChecksAgain() {
    ChatTarget notAdded =
        rules.prepared(
            new TargetKey(1, Sender.Kind.USER_BOT, 1, "@club"),
            Optional.empty(),
            Preparation.blocked(
                TargetMembership.NOT_MEMBER, 5, "Club", TargetErrors.botNotMember("Bot", "@club")),
            NOW,
            NOW);
    assertTrue(TargetRules.botNotAddedLately(notAdded, NOW.plusSeconds(3599)));
    assertFalse(TargetRules.botNotAddedLately(notAdded, NOW.plusSeconds(3600)));
  }

  @Test
  void aPacedJoinWaitsForTheSendersNextFreeJoin() {
    Instant nextJoin = NOW.plusSeconds(900);
    ChatTarget paced =
        rules.prepared(
            key("@c"),
            Optional.empty(),
            Preparation.blocked(TargetMembership.NOT_MEMBER, 5, "C", TargetErrors.joinPaced()),
            NOW,
            nextJoin);
    assertEquals(Optional.of(nextJoin), paced.nextPostAt());
    assertEquals(TargetErrors.JOIN_PACED, paced.lastError().orElseThrow().code());
    assertFalse(paced.readyAt(NOW));
  }

  @Test
  void aJoinRequestIsCheckedAgainLater() {
    ChatTarget requested =
        rules.prepared(
            key("https://t.me/+abcdefgh"),
            Optional.empty(),
            new Preparation(
                TargetMembership.JOIN_REQUESTED,
                0,
                "Club",
                0,
                true,
                false,
                Duration.ZERO,
                Optional.of(TargetErrors.joinRequested("Club"))),
            NOW,
            NOW);
    assertEquals(Optional.of(NOW.plus(TargetRules.JOIN_REQUEST_RECHECK)), requested.nextPostAt());
    assertEquals(Optional.of(NOW), requested.joinedAt());
  }

  @Test
  void aDeliveryIntoASlowChatWaitsTheSlowMode() {
    ChatTarget slow =
        rules.prepared(
            key("@slow"), Optional.empty(), Preparation.ready(9, "Slow", 30, true), NOW, NOW);
    assertTrue(slow.readyAt(NOW));
    ChatTarget after =
        rules
            .afterSend(slow, new SendOutcome.Delivered(1), NOW, Duration.ofSeconds(1))
            .orElseThrow();
    assertEquals(Optional.of(NOW.plusSeconds(30)), after.nextPostAt());
    assertFalse(after.readyAt(NOW.plusSeconds(29)));
    assertTrue(after.readyAt(NOW.plusSeconds(30)));
  }

  /** When a ready chat may be posted to next after a send at NOW that had {@code outcome}. */
  private Optional<Instant> nextPostAfter(SendOutcome outcome) {
    return rules.afterSend(joinedAt("@x", NOW), outcome, NOW, GAP).orElseThrow().nextPostAt();
  }

  @Test
  void slowModeAndFloodWaitAnswersSetThatChatsTime() {
    assertEquals(
        Optional.of(NOW.plusSeconds(42)),
        nextPostAfter(new SendOutcome.SlowMode(Duration.ofSeconds(42))));
    assertEquals(
        Optional.of(NOW.plusSeconds(7)),
        nextPostAfter(new SendOutcome.FloodWait(Duration.ofSeconds(7))));
  }

  @Test
  void aSlowModeSwitchedOnAfterThePreparationIsKeptToFromThenOn() {
    ChatTarget learnt =
        rules
            .afterSend(
                joinedAt("@x", NOW), new SendOutcome.SlowMode(Duration.ofSeconds(42)), NOW, GAP)
            .orElseThrow();
    assertEquals(60, learnt.slowModeSeconds(), "Telegram's next delay above the wait asked");
    ChatTarget after =
        rules
            .afterSend(
                learnt, new SendOutcome.Delivered(1), NOW.plusSeconds(42), Duration.ofSeconds(1))
            .orElseThrow();
    assertEquals(Optional.of(NOW.plusSeconds(102)), after.nextPostAt());
    assertEquals(
        300,
        rules
            .afterSend(
                joinedAt("@x", NOW),
                new SendOutcome.SlowMode(Duration.ofSeconds(42), 300),
                NOW,
                GAP)
            .orElseThrow()
            .slowModeSeconds(),
        "the delay the transport read, when it did");
    assertEquals(3600, TargetRules.slowModeAtLeast(Duration.ofMinutes(20)));
    assertEquals(7200, TargetRules.slowModeAtLeast(Duration.ofHours(2)));
  }

  @Test
  void aClosedTopicWaitsAnHourForItsAdminsAndKeepsTheSenderAMember() {
    ChatTarget refused =
        rules
            .afterSend(
                joinedAt("@forum/5", NOW),
                new SendOutcome.TopicUnavailable("TOPIC_CLOSED"),
                NOW,
                GAP)
            .orElseThrow();
    assertEquals(TargetMembership.JOINED, refused.membership());
    assertTrue(refused.waitsAt(NOW.plus(Duration.ofMinutes(59))), "not tried every cycle");
    assertFalse(refused.waitsAt(NOW.plus(TargetRules.BLOCKED_RECHECK)), "tried again after it");
    assertEquals(TargetErrors.TOPIC_UNAVAILABLE, refused.lastError().orElseThrow().code());
    assertTrue(refused.lastError().orElseThrow().message().contains("@forum/5"));
  }

  @Test
  void aRefusedSendIsNoLongerTakenAsJoinedSoTheNextCyclePreparesTheChatAgain() {
    ChatTarget refused =
        rules
            .afterSend(
                joinedAt("@x", NOW),
                new SendOutcome.ChatForbidden("Have no write access to the chat"),
                NOW,
                GAP)
            .orElseThrow();
    assertEquals(TargetMembership.NOT_MEMBER, refused.membership());
    assertFalse(refused.readyAt(NOW), "prepared first");
    assertFalse(refused.waitsAt(NOW), "at the next cycle");
    assertEquals(TargetErrors.WRITE_FORBIDDEN, refused.lastError().orElseThrow().code());
  }

  @Test
  void aChatFoundJoinedAgainAfterARefusalIsNotNewThereButOneApprovedIs() {
    ChatTarget refused =
        rules
            .afterSend(
                joinedAt("@x", NOW.minusSeconds(9 * 86_400)),
                new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN"),
                NOW,
                GAP)
            .orElseThrow();
    ChatTarget again =
        rules.prepared(
            refused.key(), Optional.of(refused), Preparation.ready(100, "x", 0, false), NOW, NOW);
    assertEquals(TargetMembership.JOINED, again.membership());
    assertEquals(refused.memberSince(), again.memberSince(), "never left: not new there");

    ChatTarget requested =
        refused.with(TargetMembership.JOIN_REQUESTED, Optional.empty(), Optional.empty());
    ChatTarget approved =
        rules.prepared(
            requested.key(),
            Optional.of(requested),
            Preparation.ready(100, "x", 0, false),
            NOW,
            NOW);
    assertEquals(Optional.of(NOW), approved.memberSince(), "admitted now: new there");
  }

  @Test
  void aWaitAskedWhileCheckingKeepsWhatTheRecordKnew() {
    ChatTarget requested =
        joinedAt("@x", NOW)
            .with(TargetMembership.JOIN_REQUESTED, Optional.empty(), Optional.empty());
    ChatTarget waited =
        rules.prepared(
            requested.key(),
            Optional.of(requested),
            Preparation.retryAfter(
                Duration.ofSeconds(30), TargetErrors.floodWait(Duration.ofSeconds(30))),
            NOW,
            NOW);
    assertEquals(TargetMembership.JOIN_REQUESTED, waited.membership());
    assertEquals(Optional.of(NOW.plusSeconds(30)), waited.nextPostAt());
  }

  @Test
  void aPlainDeliveryWritesNothing() {
    assertEquals(
        Optional.empty(),
        rules.afterSend(joinedAt("@x", NOW), new SendOutcome.Delivered(1), NOW, GAP));
  }

  @Test
  void aSlowModeShorterThanTheCycleGapWritesNothing() {
    ChatTarget slow =
        rules.prepared(
            key("@slow"), Optional.empty(), Preparation.ready(9, "Slow", 30, true), NOW, NOW);
    assertEquals(Optional.empty(), rules.afterSend(slow, new SendOutcome.Delivered(1), NOW, GAP));
  }

  @Test
  void aBotPostingEverySecondWaitsTelegramsPerGroupInterval() {
    ChatTarget bot = bot(Optional.empty());
    assertEquals(
        Optional.of(NOW.plusSeconds(3)),
        rules
            .afterSend(bot, new SendOutcome.Delivered(1), NOW, Duration.ofSeconds(1))
            .orElseThrow()
            .nextPostAt());
  }

  /**
   * A chat the session became a member of at {@code since}, posted to while new when {@code
   * posted}.
   */
  private static ChatTarget member(String chat, Instant since, boolean posted) {
    return new ChatTarget(
        key(chat),
        100,
        chat,
        TargetMembership.JOINED,
        0,
        Optional.empty(),
        Optional.of(since),
        Optional.empty(),
        Optional.of(since),
        posted ? Optional.of(since) : Optional.empty());
  }

  /**
   * {@code count} chats joined and posted to while new, the first at {@code first}, a minute apart.
   */
  private static List<ChatTarget> postedWhileNew(int count, Instant first) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> member("@new" + i, first.plusSeconds(60L * i), true))
        .toList();
  }

  @Test
  void aSessionPostsToAtMostTwentyChatsItIsNewIn() {
    Instant first = NOW.minus(Duration.ofHours(3));
    ChatTarget fresh = member("@fresh", NOW.minusSeconds(30), false);

    ChatTarget twentieth = rules.beforeSend(fresh, () -> postedWhileNew(19, first), NOW);
    assertTrue(twentieth.readyAt(NOW), "19 others: this one may be posted to");
    assertEquals(Optional.of(NOW), twentieth.postedNewAt(), "and counts from now on");
    assertTrue(
        rules.beforeSend(twentieth, () -> postedWhileNew(19, first), NOW) == twentieth,
        "a chat already counted changes nothing");

    ChatTarget held = rules.beforeSend(fresh, () -> postedWhileNew(20, first), NOW);
    assertFalse(held.readyAt(NOW), "20 others: held back");
    assertEquals(TargetErrors.NEW_CHATS_LIMIT, held.lastError().orElseThrow().code());
    assertEquals(
        Optional.of(NOW.minusSeconds(30).plus(Duration.ofDays(1))),
        held.nextPostAt(),
        "until the session is no longer new there, sooner than a counted chat's release");
  }

  @Test
  void aHeldChatWaitsForTheFirstCountedChatToLeaveTheCountWhenThatIsSooner() {
    Instant first = NOW.minus(Duration.ofHours(47));
    ChatTarget fresh = member("@fresh", NOW.minusSeconds(30), false);
    List<ChatTarget> twenty =
        new java.util.ArrayList<>(postedWhileNew(19, NOW.minus(Duration.ofHours(2))));
    twenty.add(member("@old", first, true));
    ChatTarget held = rules.beforeSend(fresh, () -> twenty, NOW);
    assertEquals(
        Optional.of(first.plus(Duration.ofDays(2))),
        held.nextPostAt(),
        "a chat counts for two days from its join (Telegram's day, plus the day of the text)");
    assertTrue(
        rules.beforeSend(fresh, () -> twenty, first.plus(Duration.ofDays(2))).readyAt(NOW),
        "once it left the count, the chat is posted to");
  }

  @Test
  void chatsTheSessionIsNotNewInAndBotsAreNeverHeld() {
    List<ChatTarget> many = postedWhileNew(40, NOW.minus(Duration.ofHours(5)));
    ChatTarget old = member("@old", NOW.minus(Duration.ofHours(25)), false);
    assertTrue(rules.beforeSend(old, () -> many, NOW) == old, "joined more than a day ago");
    ChatTarget unknown =
        new ChatTarget(
            key("@member_before"),
            100,
            "Member before",
            TargetMembership.JOINED,
            0,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertTrue(
        rules.beforeSend(unknown, () -> many, NOW) == unknown, "a member before Herald knew it");
    ChatTarget bot = bot(Optional.of(NOW));
    assertTrue(rules.beforeSend(bot, () -> many, NOW) == bot, "Telegram's spam limit is for users");
  }

  @Test
  void aSessionIsNewInAChatFromItsJoinAdmissionOrApprovedRequest() {
    assertEquals(
        Optional.of(NOW),
        rules
            .prepared(key("@j"), Optional.empty(), Preparation.ready(9, "J", 0, true), NOW, NOW)
            .memberSince(),
        "joined now");
    assertEquals(
        Optional.of(NOW),
        rules
            .prepared(
                key("@open"),
                Optional.empty(),
                Preparation.ready(9, "Open", 0, false).admitted(),
                NOW,
                NOW)
            .memberSince(),
        "admitted on contact");
    assertEquals(
        Optional.empty(),
        rules
            .prepared(key("@m"), Optional.empty(), Preparation.ready(9, "M", 0, false), NOW, NOW)
            .memberSince(),
        "a member before Herald asked: not known to be new");
    ChatTarget requested =
        rules.prepared(
            key("@club"),
            Optional.empty(),
            Preparation.blocked(
                TargetMembership.JOIN_REQUESTED, 9, "Club", TargetErrors.joinRequested("@club")),
            NOW.minus(Duration.ofHours(30)),
            NOW);
    assertEquals(
        Optional.of(NOW),
        rules
            .prepared(
                key("@club"),
                Optional.of(requested),
                Preparation.ready(9, "Club", 0, false),
                NOW,
                NOW)
            .memberSince(),
        "approved now, new from now");
  }
}
