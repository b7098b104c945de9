package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.Rotation;
import dev.herald.domain.content.StarFormatter;
import dev.herald.domain.engine.CycleSummary;
import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.OutcomePolicy;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.UrlButton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One cycle against the in-memory store and a scripted transport, every step on the calling thread
 * (no delays, the transport answers at once), with a fixed clock.
 */
class CycleRunTest {

  private final Instant now = Instant.parse("2026-01-01T12:00:00Z");
  @RegisterExtension final CycleBench bench = new CycleBench(now);
  private final InMemoryEngineStore store = bench.store;
  private final QuietMetrics metrics = bench.metrics;
  private final ScriptedGateway gateway = new ScriptedGateway();

  private void run(DueCycle cycle) {
    bench.run(cycle, CycleBench.sending(gateway, new StarFormatter()));
  }

  private Completed onlyCompletion() {
    assertEquals(1, store.completed.size(), "one completion per cycle");
    return store.completed.get(0);
  }

  @Test
  void everyChatIsPostedOnceAndTheCycleCompletesWithItsTally() {
    run(Cycles.cycle(1, now, List.of(7L, 8L), "@herald_a1", "@herald_a2", "@herald_a3"));

    assertEquals(
        List.of("SESSION#7->@herald_a1", "SESSION#7->@herald_a3", "SESSION#8->@herald_a2"),
        gateway.sent.stream().sorted().toList());
    Completed done = onlyCompletion();
    assertEquals(new CycleTally(3, 3, 0, 0), done.tally());
    assertEquals(
        new CycleSummary("DELIVERED", "cycle 1: 3 delivered"),
        done.summary(),
        "the activity entry of a cycle the engine saw whole");
    assertEquals(now.plus(Duration.ofMinutes(1)), done.nextRunAt(), "next run from the clock");
    assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED"), metrics.posts);
    assertEquals(3, store.finished.size());
  }

  @Test
  void aChatAlreadyAttemptedInThisCycleIsNeverSentAgain() {
    store.records.add("1/1/@herald_a1");

    run(Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));

    assertEquals(List.of("SESSION#7->@herald_a2"), gateway.sent);
    assertEquals(new CycleTally(1, 1, 0, 0), onlyCompletion().tally());
    assertEquals(
        null, onlyCompletion().summary(), "the entry counts the record this run did not write");
  }

  @Test
  void aCycleThatRanBeforeLeavesItsEntryToTheRecordsEvenWhenItMeetsNone() {
    DueCycle base = Cycles.cycle(1, now, List.of(7L), "@herald_a1");
    // Its earlier run posted to a group the claim now leaves out (a minimum group interval).
    run(continued(base));

    assertEquals(List.of("SESSION#7->@herald_a1"), gateway.sent);
    assertEquals(null, onlyCompletion().summary());
  }

  @Test
  void aDeliveryRecordThatCannotBeWrittenHandsTheCycleBackForItsContinuationToPostTheRest() {
    store.beginFailsFor.add("@herald_a2"); // the database is lost as a2's record is written
    DueCycle cycle = Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2", "@herald_a3");

    run(cycle);

    assertEquals(List.of("SESSION#7->@herald_a1"), gateway.sent);
    assertTrue(onlyCompletion().handedBack(), "not ended: the chats left are posted in the cycle");
    assertEquals(
        now.plusSeconds(1),
        onlyCompletion().nextRunAt(),
        "continued one delay between posts later (none here), a second at least");

    store.beginFailsFor.clear(); // the database is back
    store.completed.clear();
    run(store.continued(cycle, List.of(7L)));

    assertEquals(
        List.of("SESSION#7->@herald_a1", "SESSION#7->@herald_a2", "SESSION#7->@herald_a3"),
        gateway.sent,
        "every chat posted once in the cycle");
    assertFalse(onlyCompletion().handedBack(), "the continuation ends the cycle");
  }

  @Test
  void aDeliveryRecordTheDatabaseRefusesEndsTheCycleInsteadOfHandingItBackForGood() {
    store.beginRefusedFor.add("@herald_a2"); // it would refuse it again at every continuation

    run(Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2", "@herald_a3"));

    assertEquals(List.of("SESSION#7->@herald_a1"), gateway.sent);
    assertFalse(onlyCompletion().handedBack(), "ended: its next run is a new cycle");
    assertEquals(now.plus(Duration.ofMinutes(1)), onlyCompletion().nextRunAt());
  }

  @Test
  void aStoppedBotSendsNothingAndItsCycleStillCompletes() {
    store.notRunning.add(1L);

    run(Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));

    assertEquals(List.of(), gateway.sent);
    assertEquals(CycleTally.empty(), onlyCompletion().tally());
  }

  @Test
  void aFloodWaitCoolsTheSessionDownForTheTimeAskedAndEndsItsShare() {
    gateway.script.put("@herald_a1", new SendOutcome.FloodWait(Duration.ofSeconds(90)));

    run(Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));

    assertEquals(List.of("SESSION#7->@herald_a1"), gateway.sent);
    assertEquals(
        List.of("cool down 7 until " + now.plusSeconds(90) + " (FLOOD_WAIT)"), store.penalties);
    assertEquals(new CycleTally(1, 0, 1, 1, 1), onlyCompletion().tally());
    assertEquals(0, onlyCompletion().tally().posts(), "Telegram sent nothing: the cap skips it");
    assertFalse(
        onlyCompletion().handedBack(), "no other sender: its chats wait for the next cycle");
  }

  @Test
  void aSessionLostMidShareHandsTheCycleBackAndTheOtherSessionPostsItsChatsInTheSameCycle() {
    gateway.senderScript.put("SESSION#7", new SendOutcome.FloodWait(Duration.ofSeconds(90)));
    String[] chats = {"@herald_a1", "@herald_a2", "@herald_a3", "@herald_a4"};

    run(Cycles.cycle(1, now, List.of(7L, 8L), chats));

    assertFalse(gateway.sent.contains("SESSION#7->@herald_a3"), "session 7 stopped at its flood");
    assertTrue(onlyCompletion().handedBack(), "session 8 can post session 7's chats");
    assertEquals(now, onlyCompletion().nextRunAt(), "due again at once");

    // The claim leaves the cooling session out: the continuation has session 8 alone.
    store.completed.clear();
    gateway.senderScript.clear();
    run(continued(Cycles.cycle(1, now, List.of(8L), chats)));

    assertEquals(
        List.of(
            "SESSION#7->@herald_a1",
            "SESSION#8->@herald_a1",
            "SESSION#8->@herald_a2",
            "SESSION#8->@herald_a3",
            "SESSION#8->@herald_a4"),
        gateway.sent.stream().sorted().toList(),
        "every chat delivered once in the cycle, the one that met the flood wait by session 8");
    assertFalse(onlyCompletion().handedBack(), "the continuation ends the cycle");
  }

  @Test
  void aContinuationPostsOnlyTheChatsNotAttemptedAndSpendsTheDaysPostsOnThem() {
    // Two of the day's four posts were spent by the run before the hand-back, on a1 and a2.
    DueCycle base =
        Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2", "@herald_a3", "@herald_a4");
    store.records.add("1/1/@herald_a1");
    store.records.add("1/1/@herald_a2");
    DueCycle continued =
        new DueCycle(
            1,
            1,
            0,
            now,
            base.content(),
            base.groups(),
            List.of(7L),
            Optional.empty(),
            3,
            Duration.ZERO,
            Duration.ofMinutes(1),
            Schedule.NONE,
            new DailyCap(4, LocalDate.of(2026, 1, 1), 2),
            Map.of(),
            true,
            Set.of("@herald_a1", "@herald_a2"),
            Set.of(),
            Optional.empty());

    run(continued);

    assertEquals(List.of("SESSION#7->@herald_a3", "SESSION#7->@herald_a4"), gateway.sent);
    assertEquals(
        List.of(),
        store.beginBatches.stream()
            .flatMap(List::stream)
            .filter(b -> b.chat().equals("@herald_a1"))
            .toList(),
        "no begin for an attempted chat");
  }

  @Test
  void aContinuationIsDueOneDelayBetweenPostsAfterTheSenderWasLost() {
    gateway.senderScript.put("SESSION#7", new SendOutcome.FloodWait(Duration.ofSeconds(90)));
    DueCycle base = Cycles.cycle(1, now, List.of(7L, 8L), "@herald_a1", "@herald_a2");
    // One post in flight at a time: session 7's lane holds both chats; 8 waits beyond the lane.
    DueCycle oneAtATime =
        new DueCycle(
            1,
            1,
            now,
            base.content(),
            base.groups(),
            base.sessionIds(),
            Optional.empty(),
            1,
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Schedule.NONE,
            DailyCap.UNLIMITED,
            Map.of(),
            false);

    run(oneAtATime);

    assertTrue(onlyCompletion().handedBack(), "session 8 can post @herald_a2");
    assertEquals(
        now.plusSeconds(30),
        onlyCompletion().nextRunAt(),
        "the account's posts stay a delay apart whichever sender makes them");
  }

  @Test
  void aSessionLostBesideOnlySendersBarredFromItsChatsHandsNothingBack() {
    // The tenant's bot cannot use invite links: only the session could post them.
    gateway.senderScript.put("SESSION#7", new SendOutcome.FloodWait(Duration.ofSeconds(90)));
    DueCycle base =
        withOwnBot(
            Cycles.cycle(
                1, now, List.of(7L), "https://t.me/+AbCdEf012345", "https://t.me/+GhIjKl678901"),
            BotPosts.of(BotPost.plainText("hello")));

    run(base);

    assertEquals(1, gateway.sent.size(), "the session's first link met the flood wait");
    assertFalse(onlyCompletion().handedBack(), "no sender of the cycle may post the other link");
  }

  @Test
  void aSessionBannedMidShareHandsTheRestOfTheCycleToItsReplacement() {
    gateway.senderScript.put("SESSION#7", new SendOutcome.SenderBanned("USER_DEACTIVATED_BAN"));
    store.replacements.put(7L, 9L);
    String[] chats = {"@herald_a1", "@herald_a2", "@herald_a3"};

    run(Cycles.cycle(1, now, List.of(7L), chats));

    assertEquals(List.of("SESSION#7->@herald_a1"), gateway.sent);
    assertTrue(onlyCompletion().handedBack(), "the replacement can post the chats left");

    store.completed.clear();
    run(continued(Cycles.cycle(1, now, List.of(9L), chats)));

    assertEquals(
        List.of(
            "SESSION#7->@herald_a1",
            "SESSION#9->@herald_a1",
            "SESSION#9->@herald_a2",
            "SESSION#9->@herald_a3"),
        gateway.sent,
        "the replacement posts the chat the ban met too: Telegram sent nothing there");
  }

  /**
   * A sender that sent nothing, Telegram having refused it (a flood wait) or its session not being
   * open on this node (answered before the message reached TDLib), hands back the chat it met the
   * fault in even when that was its whole share, so that nothing else would hand the cycle back;
   * the daily cap does not count it.
   */
  @Test
  void aSessionLostAtTheEndOfItsShareHandsTheChatItMetTheFaultInBack() {
    for (SendOutcome fault :
        List.of(
            new SendOutcome.FloodWait(Duration.ofSeconds(90)),
            SendOutcome.SenderUnavailable.beforeSending("session 7 is not open on this node"))) {
      store.completed.clear();
      store.forgetRecords();
      gateway.sent.clear();
      gateway.senderScript.put("SESSION#7", fault);

      // Session 7's share is @herald_a1 alone.
      run(Cycles.cycle(1, now, List.of(7L, 8L), "@herald_a1", "@herald_a2"));

      assertTrue(onlyCompletion().handedBack(), "session 8 may post @herald_a1: " + fault);
      assertFalse(
          gateway.sent.contains("SESSION#8->@herald_a1"), "session 8 does not post it at once");
      assertEquals(0, onlyCompletion().tally().posts(), "nothing was sent: no post of the day");

      store.completed.clear();
      gateway.senderScript.clear();
      run(continued(Cycles.cycle(1, now, List.of(8L), "@herald_a1", "@herald_a2")));

      assertEquals(
          List.of("SESSION#7->@herald_a1", "SESSION#8->@herald_a1", "SESSION#8->@herald_a2"),
          gateway.sent.stream().sorted().toList(),
          "@herald_a1 tried again by session 8, @herald_a2 posted once: " + fault);
      assertFalse(onlyCompletion().handedBack());
    }
  }

  /**
   * The continuation deals a chat whose session was unavailable to another sender, even when the
   * session is among its senders again (its 30-second park over before the continuation was due):
   * still not open on this node, it would park again and spend the chat's one retry. Each run,
   * session 7 parks at the first chat it is dealt and hands the cycle back; session 8 makes each
   * retry.
   */
  @Test
  void aChatWhoseSessionWasUnavailableIsRetriedByAnotherSenderEvenWhenTheSessionIsBack() {
    gateway.senderScript.put(
        "SESSION#7", SendOutcome.SenderUnavailable.beforeSending("session 7 is not open here"));
    DueCycle cycle = Cycles.cycle(1, now, List.of(7L, 8L), "@herald_a1", "@herald_a2");
    run(cycle);
    for (int runs = 1; onlyCompletion().handedBack(); runs++) {
      assertTrue(runs <= 4, "the cycle ends: each chat tried twice at most");
      store.completed.clear();
      run(store.continued(cycle, List.of(7L, 8L)));
    }

    assertEquals(
        List.of(
            "SESSION#7->@herald_a1",
            "SESSION#7->@herald_a2",
            "SESSION#8->@herald_a1",
            "SESSION#8->@herald_a2"),
        gateway.sent.stream().sorted().toList(),
        "session 8 makes each retry; session 7 is never dealt a chat it sent nothing to again");
  }

  /**
   * A session unavailable for a chat still makes its retry when no other sender of the continuation
   * may post there: here the tenant's bot, which cannot use invite links. (Barring the session
   * outright, the engine dealt the link to the bot.)
   */
  @Test
  void aSessionUnavailableForAChatStillMakesItsRetryWhenNoOtherSenderMayPostThere() {
    String link = "https://t.me/+AbCdEf012345";
    gateway.senderScript.put(
        "SESSION#7", SendOutcome.SenderUnavailable.beforeSending("session 7 is not open here"));
    DueCycle cycle =
        withOwnBot(
            Cycles.cycle(1, now, List.of(7L, 8L), "@herald_a1", link),
            BotPosts.of(BotPost.plainText("hello")));
    run(cycle);
    assertTrue(onlyCompletion().handedBack(), "session 8 may post the link");

    // Session 8 left the account meanwhile; session 7 is open here now.
    gateway.senderScript.clear();
    store.completed.clear();
    run(store.continued(cycle, List.of(7L)));

    assertEquals(
        List.of("SESSION#7->" + link, "SESSION#7->" + link, "USER_BOT#1->@herald_a1"),
        gateway.sent.stream().sorted().toList(),
        "the link's retry goes to session 7, the one sender that may post it");
    assertFalse(onlyCompletion().handedBack());
  }

  @Test
  void aChatIsTriedAgainOnceSoSendersThatKeepFailingLetTheCycleEnd() {
    gateway.senderScript.put("SESSION#7", new SendOutcome.FloodWait(Duration.ofSeconds(90)));
    gateway.senderScript.put("SESSION#8", new SendOutcome.FloodWait(Duration.ofSeconds(90)));
    String chat = "@herald_a1";

    run(Cycles.cycle(1, now, List.of(7L, 9L), chat));
    assertTrue(onlyCompletion().handedBack(), "session 9 may post it");
    store.completed.clear();
    run(continued(Cycles.cycle(1, now, List.of(8L, 9L), chat)));
    store.completed.clear();
    run(continued(Cycles.cycle(1, now, List.of(9L), chat)));

    assertEquals(
        List.of("SESSION#7->@herald_a1", "SESSION#8->@herald_a1"),
        gateway.sent,
        "tried by session 8 once more after session 7, never a third time");
    assertFalse(onlyCompletion().handedBack(), "the cycle ends");
  }

  /**
   * The daily cap counts posts, not sends Telegram refused to their sender: a cycle whose last post
   * of the day met a flood wait did not use the day up, and runs again after its delay.
   */
  @Test
  void aSendTelegramRefusedToItsSenderDoesNotUseTheDaysPosts() {
    gateway.script.put("@herald_a1", new SendOutcome.FloodWait(Duration.ofSeconds(90)));
    DueCycle onePostLeft =
        withDailyCap(
            Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"),
            new DailyCap(5, LocalDate.of(2026, 1, 1), 4));

    run(onePostLeft);

    assertEquals(List.of("SESSION#7->@herald_a1"), gateway.sent, "one post left: one chat dealt");
    assertEquals(0, onlyCompletion().tally().posts());
    assertEquals(
        now.plus(Duration.ofMinutes(1)),
        onlyCompletion().nextRunAt(),
        "the day's last post is still to make: not the next day");
  }

  @Test
  void aBannedSessionGoesThroughBanAndReplace() {
    gateway.script.put("@herald_a1", new SendOutcome.SenderBanned("USER_DEACTIVATED_BAN"));

    run(Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));

    assertEquals(List.of("ban 7 (USER_DEACTIVATED_BAN)"), store.penalties);
    assertEquals(new CycleTally(1, 0, 1, 0, 1), onlyCompletion().tally());
    assertFalse(onlyCompletion().handedBack(), "no replacement: the chats left wait");
  }

  @Test
  void aChatFailureSkipsOnlyThatChat() {
    gateway.script.put("@herald_a1", new SendOutcome.ChatForbidden("CHAT_WRITE_FORBIDDEN"));

    run(Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));

    assertEquals(2, gateway.sent.size());
    assertEquals(new CycleTally(2, 1, 1, 0), onlyCompletion().tally());
    assertTrue(store.penalties.isEmpty());
  }

  @Test
  void theTenantsOwnBotPostsFirstAndARefusedTokenMarksTheBotIdle() {
    DueCycle base = Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2");
    DueCycle withOwnBot = withOwnBot(base, base.content());
    gateway.script.put("@herald_a1", new SendOutcome.Unauthorized("401 Unauthorized"));

    run(withOwnBot);

    assertEquals(
        List.of("SESSION#7->@herald_a2", "USER_BOT#1->@herald_a1"),
        gateway.sent.stream().sorted().toList());
    assertEquals(List.of("error: Your bot's token was refused: 401 Unauthorized"), store.penalties);
    assertEquals(new CycleTally(2, 1, 1, 0, 1), onlyCompletion().tally());
  }

  @Test
  void aChatTheTenantsBotCannotUseIsPostedByASessionAfterTheBotsLaneWhenOnePostMayBeInFlight() {
    DueCycle base =
        Cycles.cycle(1, now, List.of(7L), "@herald_a1", "https://t.me/+AbCdEf012", "@herald_a2");
    DueCycle oneAtATime =
        new DueCycle(
            base.accountId(),
            base.cycleId(),
            base.plannedAt(),
            base.content(),
            base.groups(),
            base.sessionIds(),
            Optional.of("sealed-token"),
            1,
            base.delayBetweenPosts(),
            base.delayBetweenCycles(),
            base.schedule(),
            base.dailyCap(),
            base.sessionPostsLeft(),
            false);
    AnswersLater later = new AnswersLater();

    bench.runToItsEnd(oneAtATime, CycleBench.sending(later, new StarFormatter()));

    assertEquals(
        List.of(
            "USER_BOT#1->@herald_a1",
            "USER_BOT#1->@herald_a2",
            "SESSION#7->https://t.me/+AbCdEf012"),
        later.sent,
        "a bot cannot use an invite link: the session posts it, once the bot's lane ended");
    assertEquals(1, later.mostInFlight.get(), "the plan allows one post in flight");
    assertEquals(new CycleTally(3, 3, 0, 0), onlyCompletion().tally());
  }

  @Test
  void aCycleWhoseTermsChangedEndsAfterThePostInFlightAndIsHandedBack() {
    // The plan changes while the first post is in flight: the next begin answers CYCLE_OUTDATED.
    TelegramGateway planChangesNow =
        new TelegramGateway() {
          @Override
          public String transport() {
            return "scripted";
          }

          @Override
          public SendOutcome send(Sender sender, ChatReference chat, Post post) {
            store.outdated.add(1L);
            return gateway.send(sender, chat, post);
          }
        };
    DueCycle oneLane = Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2", "@herald_a3");

    bench.run(oneLane, CycleBench.sending(planChangesNow, new StarFormatter()));

    assertEquals(1, gateway.sent.size(), "one post of each lane at most: " + gateway.sent);
    Completed done = onlyCompletion();
    assertTrue(done.handedBack(), "the cycle is handed back, not ended");
    assertEquals(now, done.nextRunAt(), "due again at once, to be continued under the new terms");
    assertEquals(new CycleTally(1, 1, 0, 0), done.tally());
  }

  /** Answers every send 20 ms later, on another thread, and keeps the most sends in flight. */
  private static final class AnswersLater implements TelegramGateway {
    final List<String> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    @Override
    public String transport() {
      return "later";
    }

    @Override
    public SendOutcome send(Sender sender, ChatReference chat, Post post) {
      throw new UnsupportedOperationException("the engine sends asynchronously");
    }

    @Override
    public CompletionStage<SendOutcome> sendAsync(Sender sender, ChatReference chat, Post post) {
      sent.add(sender + "->" + chat.canonical());
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      return CompletableFuture.supplyAsync(
          () -> {
            inFlight.decrementAndGet();
            return new SendOutcome.Delivered(sent.size());
          },
          CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
    }
  }

  @Test
  void eachChatOfACycleGetsItsOwnVariantFormattedAndSessionsPostWithoutButtons() {
    BotPost post =
        new BotPost(
            PostType.TEXT,
            "{Hello|Hi|Hey} *there*",
            TextFormat.MARKDOWN,
            null,
            List.of(List.of(new UrlButton("Open", "https://example.com"))));
    DueCycle base = Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2", "@herald_a3");
    run(withOwnBot(base, new BotPosts(List.of(post), Rotation.IN_ORDER, true)));

    Set<String> texts = new HashSet<>();
    for (Map.Entry<String, Post> sent : gateway.posts.entrySet()) {
      Post made = sent.getValue();
      texts.add(made.text());
      assertEquals(List.of(TextEntity.of("bold", made.text().length() - 5, 5)), made.entities());
      assertEquals(sent.getKey().startsWith("USER_BOT"), made.hasButtons(), sent.getKey());
    }
    assertEquals(3, texts.size(), "three chats, three variants: " + texts);
  }

  /**
   * Telegram refuses the post itself (too long once formatted): the cycle sends it to no other
   * chat, records why under each chat, and tells the tenant once; the session is not blamed.
   */
  @Test
  void aPostTelegramRefusesIsSentOnceAndDroppedForTheCyclesOtherChats() {
    String refused = "Telegram refused the post: MESSAGE_TOO_LONG";
    gateway.script.put("@herald_a1", new SendOutcome.PostRejected(refused));

    run(Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2", "@herald_a3"));

    assertEquals(List.of("SESSION#7->@herald_a1"), gateway.sent);
    assertEquals(
        List.of("POST_REJECTED", "POST_REJECTED", "POST_REJECTED"),
        store.finished.stream().map(f -> f.outcome().code()).toList());
    assertEquals(
        List.of("error: " + refused + ". Edit the post in the bot config."), store.penalties);
    assertEquals(new CycleTally(3, 0, 3, 0), onlyCompletion().tally());
    assertEquals(
        new CycleSummary("POST_REJECTED", "cycle 1: 3 post rejected"), onlyCompletion().summary());
  }

  /** Only the refused variant is dropped: a chat given another variant still gets its post. */
  @Test
  void aRefusedVariantDoesNotStopTheOtherVariants() {
    BotPost post = new BotPost(PostType.TEXT, "{Hello|Hi}", TextFormat.PLAIN, null, List.of());
    DueCycle base = Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2", "@herald_a3");
    gateway.script.put("@herald_a1", new SendOutcome.PostRejected("refused"));

    run(withContent(base, new BotPosts(List.of(post), Rotation.IN_ORDER, true)));

    assertEquals(List.of("SESSION#7->@herald_a1", "SESSION#7->@herald_a2"), gateway.sent);
    assertEquals(new CycleTally(3, 1, 2, 0), onlyCompletion().tally());
    assertFalse(onlyCompletion().clearsError(), "delivered, but the refused variant still shows");
  }

  @Test
  void withNoSenderTheBotIsMarkedIdleAndTheCycleCompletes() {
    run(Cycles.cycle(1, now, List.of(), "@herald_a1"));

    assertEquals(
        List.of(
            "error: No usable session: every session is banned, cooling down, needs a new login"
                + " or is unavailable for now (see the admin's session pool)."),
        store.penalties);
    assertEquals(CycleTally.empty(), onlyCompletion().tally());
  }

  @Test
  void anUnavailableSessionIsParkedNotBannedAndTheOtherSessionPostsTheChatsItLeft() {
    gateway.senderScript.put(
        "SESSION#7", new SendOutcome.SenderUnavailable("session 7 is not open on this node"));

    run(Cycles.cycle(1, now, List.of(7L, 8L), "@herald_a1", "@herald_a2", "@herald_a3"));

    assertEquals(
        List.of(
            "unavailable 7 until "
                + now.plus(OutcomePolicy.UNAVAILABLE_BACK_OFF)
                + " (SENDER_UNAVAILABLE: session 7 is not open on this node)"),
        store.penalties,
        "parked until the back-off ends, no ban");
    assertEquals(List.of("UNAVAILABLE"), metrics.parked);
    assertTrue(onlyCompletion().handedBack(), "session 7 left @herald_a3 to session 8");
    assertEquals(new CycleTally(1, 0, 1, 0), onlyCompletion().tally());

    store.completed.clear();
    gateway.senderScript.clear();
    run(continued(Cycles.cycle(1, now, List.of(8L), "@herald_a1", "@herald_a2", "@herald_a3")));

    assertEquals(
        List.of("SESSION#7->@herald_a1", "SESSION#8->@herald_a2", "SESSION#8->@herald_a3"),
        gateway.sent.stream().sorted().toList(),
        "the other session posts its own chats and those the parked one left, not the one it met");
  }

  @Test
  void aSessionWaitingForALoginIsParkedNeedsLoginNotBannedAndTheOtherSessionPosts() {
    for (String state :
        List.of(
            "authorizationStateWaitPhoneNumber",
            "authorizationStateWaitCode",
            "authorizationStateWaitPassword")) {
      store.penalties.clear();
      store.completed.clear();
      store.forgetRecords();
      gateway.sent.clear();
      gateway.senderScript.put("SESSION#7", new SendOutcome.SenderNeedsLogin(state));

      run(Cycles.cycle(1, now, List.of(7L, 8L), "@herald_a1", "@herald_a2"));

      assertEquals(
          List.of("needs login 7 (SENDER_NEEDS_LOGIN: " + state + ")"), store.penalties, state);
      assertEquals(
          List.of("SESSION#7->@herald_a1", "SESSION#8->@herald_a2"),
          gateway.sent.stream().sorted().toList(),
          state);
      assertEquals(new CycleTally(2, 1, 1, 0), onlyCompletion().tally(), state);
      assertFalse(
          onlyCompletion().handedBack(),
          "a park that may follow TDLib taking the message leaves its chat to the next cycle: "
              + state);
    }
  }

  @Test
  void aWarmingSessionStartsNoMoreThanItsHoursBudgetWhileTheOtherPostsItsWholeShare() {
    store.records.add("1/1/@herald_a1"); // attempted before: it costs no budget now
    DueCycle cycle =
        Cycles.cycle(
            1,
            now,
            List.of(7L, 8L),
            "@herald_a1",
            "@herald_a2",
            "@herald_a3",
            "@herald_a4",
            "@herald_a5",
            "@herald_a6",
            "@herald_a7",
            "@herald_a8");

    run(withPostsLeft(cycle, Map.of(7L, 2)));

    List<String> warming = gateway.sent.stream().filter(s -> s.startsWith("SESSION#7")).toList();
    assertEquals(2, warming.size(), "session 7 stops at its budget: " + gateway.sent);
    assertEquals(
        List.of(
            "SESSION#8->@herald_a2",
            "SESSION#8->@herald_a4",
            "SESSION#8->@herald_a6",
            "SESSION#8->@herald_a8"),
        gateway.sent.stream().filter(s -> s.startsWith("SESSION#8")).sorted().toList());
    assertEquals(new CycleTally(6, 6, 0, 0), onlyCompletion().tally());
  }

  @Test
  void aWarmingSessionWithNoPostsLeftSitsTheCycleOut() {
    run(withPostsLeft(Cycles.cycle(1, now, List.of(7L), "@herald_a1"), Map.of(7L, 0)));

    assertEquals(List.of(), gateway.sent);
    assertTrue(
        store.penalties.get(0).startsWith("error: No usable session"), store.penalties::toString);
    assertEquals(CycleTally.empty(), onlyCompletion().tally());
  }

  /** {@code base} with warm-up budgets left for some of its sessions. */
  private static DueCycle withPostsLeft(DueCycle base, Map<Long, Integer> postsLeft) {
    return copy(
        base,
        base.content(),
        base.userBotTokenSealed(),
        postsLeft,
        base.continued(),
        base.dailyCap());
  }

  /** {@code base} as a cycle that ran before. */
  private static DueCycle continued(DueCycle base) {
    return copy(
        base,
        base.content(),
        base.userBotTokenSealed(),
        base.sessionPostsLeft(),
        true,
        base.dailyCap());
  }

  /** {@code base} under the daily cap {@code cap}. */
  private static DueCycle withDailyCap(DueCycle base, DailyCap cap) {
    return copy(
        base,
        base.content(),
        base.userBotTokenSealed(),
        base.sessionPostsLeft(),
        base.continued(),
        cap);
  }

  /** {@code base} with the tenant's own bot as a sender too, posting {@code content}. */
  private static DueCycle withOwnBot(DueCycle base, BotPosts content) {
    return copy(
        base,
        content,
        Optional.of("sealed-token"),
        base.sessionPostsLeft(),
        base.continued(),
        base.dailyCap());
  }

  /** {@code base} posting {@code content}. */
  private static DueCycle withContent(DueCycle base, BotPosts content) {
    return copy(
        base,
        content,
        base.userBotTokenSealed(),
        base.sessionPostsLeft(),
        base.continued(),
        base.dailyCap());
  }

  /** {@code base} with the parts these tests vary replaced. */
  private static DueCycle copy(
      DueCycle base,
      BotPosts content,
      Optional<String> userBotTokenSealed,
      Map<Long, Integer> postsLeft,
      boolean continued,
      DailyCap dailyCap) {
    return new DueCycle(
        base.accountId(),
        base.cycleId(),
        base.plannedAt(),
        content,
        base.groups(),
        base.sessionIds(),
        userBotTokenSealed,
        base.maxInFlight(),
        base.delayBetweenPosts(),
        base.delayBetweenCycles(),
        base.schedule(),
        dailyCap,
        postsLeft,
        continued);
  }
}
