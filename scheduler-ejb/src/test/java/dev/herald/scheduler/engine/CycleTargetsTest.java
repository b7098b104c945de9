package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.targets.TargetPreparer;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TextFormatter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC rule 16 in the engine: targets prepared before the first post, waits honoured. */
class CycleTargetsTest {

  private final Instant now = Instant.parse("2026-01-01T12:00:00Z");
  @RegisterExtension final CycleBench bench = new CycleBench(now);
  private final MutableClock clock = bench.clock;
  private final InMemoryEngineStore store = bench.store;
  private final QuietMetrics metrics = bench.metrics;
  private final InMemoryTargetStore targetStore = new InMemoryTargetStore();
  private final Map<TargetKey, ChatTarget> saved = targetStore.saved;
  private final AtomicInteger reads = targetStore.reads;
  private final TargetWrites targetWrites = new TargetWrites(targetStore);
  private final List<String> prepared = new CopyOnWriteArrayList<>();

  /** Joins when allowed (slow mode 30 s in {@code @slow}), answers paced otherwise. */
  private final TargetPreparer preparer =
      (sender, chat, known, mayJoin) -> {
        prepared.add(chat.canonical() + (mayJoin ? "" : " (paced)"));
        return CompletableFuture.completedFuture(
            mayJoin
                ? Preparation.ready(100 + prepared.size(), chat.canonical(), slowMode(chat), true)
                : Preparation.blocked(
                    TargetMembership.NOT_MEMBER, 0, null, TargetErrors.joinPaced()));
      };

  private final ScriptedGateway gateway = new ScriptedGateway();
  private final List<String> sent = gateway.sent;
  private final Map<String, SendOutcome> script = gateway.script;

  private static int slowMode(ChatReference chat) {
    return chat.canonical().equals("@herald_slow") ? 30 : 0;
  }

  private CycleTally run(int joinsPerHour, DueCycle cycle) {
    EngineTargets targets =
        new EngineTargets(targetStore, preparer, new TargetRules(joinsPerHour), targetWrites);
    targets.prefetch(List.of(cycle)); // as the claim loop does for each claimed batch
    store.completed.clear();
    store.forgetRecords();
    bench.run(
        cycle,
        CycleBench.sending(gateway, TextFormatter.plainOnly()),
        targets,
        targetWrites::flush);
    return store.completed.get(0).tally();
  }

  private ChatTarget target(String chat) {
    return saved.get(new TargetKey(1, Sender.Kind.SESSION, 7, chat));
  }

  @Test
  void joinBeforeFirstPostThenNoMorePreparation() {
    run(10, Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));
    assertEquals(0, targetStore.elsewhereReads.get(), "a session that never moved: nothing read");
    assertEquals(List.of("@herald_a1", "@herald_a2"), prepared);
    assertEquals(List.of("SESSION#7->@herald_a1", "SESSION#7->@herald_a2"), sent);
    assertEquals(TargetMembership.JOINED, target("@herald_a1").membership());

    clock.advance(Duration.ofMinutes(1));
    run(10, Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));
    assertEquals(2, prepared.size(), "a joined chat is never prepared again");
    assertEquals(4, sent.size());
    assertEquals(2, reads.get(), "one read of the targets per cycle");
  }

  @Test
  void aChatThatRefusedASendIsPreparedAgainAtTheNextCycle() {
    script.put("@herald_a1", new SendOutcome.ChatForbidden("Have no write access to the chat"));
    run(10, Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));
    assertEquals(TargetMembership.NOT_MEMBER, target("@herald_a1").membership());

    script.remove("@herald_a1"); // the session joined again, say
    clock.advance(Duration.ofMinutes(1));
    run(10, Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));
    assertEquals(List.of("@herald_a1", "@herald_a2", "@herald_a1"), prepared);
    assertEquals(TargetMembership.JOINED, target("@herald_a1").membership());
    assertEquals(4, sent.size(), "sent each cycle, after the preparation");
  }

  /** Session 7's record of {@code chat} for {@code account}, joined (a member since) then. */
  private static ChatTarget sessionSeven(
      long account,
      String chat,
      TargetMembership membership,
      Optional<Instant> next,
      Optional<Instant> joined) {
    return new ChatTarget(
        new TargetKey(account, Sender.Kind.SESSION, 7, chat),
        101,
        chat,
        membership,
        0,
        next,
        joined,
        Optional.empty(),
        joined,
        Optional.empty());
  }

  @Test
  void aSessionsJoinsForAnotherAccountCountAgainstItsPaceHere() {
    // Session 7 joined a chat for account 2 ten minutes ago, then moved to account 1.
    ChatTarget joinedForAnother =
        sessionSeven(
            2,
            "@elsewhere",
            TargetMembership.JOINED,
            Optional.empty(),
            Optional.of(now.minus(Duration.ofMinutes(10))));
    targetStore.elsewhere.put(joinedForAnother.key(), joinedForAnother);

    run(1, Cycles.cycle(1, now, List.of(7L), "@herald_a1"));

    assertEquals(List.of("@herald_a1 (paced)"), prepared, "one join an hour, spent elsewhere");
    assertEquals(1, targetStore.elsewhereReads.get(), "read for the moved session");
    assertEquals(List.of(), sent);
    assertEquals(Optional.of(now.plus(Duration.ofMinutes(50))), target("@herald_a1").nextPostAt());
  }

  @Test
  void aKnownChatWhosePreparationFailsWaitsAndKeepsItsRecord() {
    ChatTarget requested =
        sessionSeven(
            1,
            "@herald_a1",
            TargetMembership.JOIN_REQUESTED,
            Optional.of(now.minusSeconds(1)),
            Optional.empty());
    saved.put(requested.key(), requested);
    TargetPreparer failing =
        (sender, chat, known, mayJoin) ->
            CompletableFuture.failedFuture(new IllegalStateException("timed out"));

    store.completed.clear();
    bench.run(
        Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_new"),
        CycleBench.sending(gateway, TextFormatter.plainOnly()),
        new EngineTargets(targetStore, failing, new TargetRules(10), targetWrites),
        targetWrites::flush);

    assertEquals(
        List.of("SESSION#7->@herald_new"),
        sent,
        "a chat Herald knows nothing of is sent as written; the join request is not lost");
    assertEquals(requested, target("@herald_a1"));
  }

  @Test
  void pacedJoinsLeaveTheRestForLaterCyclesUnsent() {
    CycleTally tally = run(1, Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));

    assertEquals(List.of("@herald_a1", "@herald_a2 (paced)"), prepared);
    assertEquals(List.of("SESSION#7->@herald_a1"), sent);
    assertEquals(new CycleTally(1, 1, 0, 0), tally);
    assertEquals(Optional.of(now.plus(Duration.ofHours(1))), target("@herald_a2").nextPostAt());
    assertEquals(1, metrics.deferred.get());

    clock.advance(Duration.ofMinutes(59));
    run(1, Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));
    assertEquals(2, prepared.size(), "still paced: not even asked");
    clock.advance(Duration.ofMinutes(1));
    run(1, Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));
    assertTrue(sent.contains("SESSION#7->@herald_a2"));
  }

  /** A cycle every second: shorter than the 30 s slow mode. */
  private DueCycle everySecond(String chat) {
    DueCycle c = Cycles.cycle(1, now, List.of(7L), chat);
    return new DueCycle(
        c.accountId(),
        c.cycleId(),
        c.plannedAt(),
        c.content(),
        c.groups(),
        c.sessionIds(),
        c.userBotTokenSealed(),
        c.maxInFlight(),
        c.delayBetweenPosts(),
        Duration.ofSeconds(1),
        Schedule.NONE,
        DailyCap.UNLIMITED,
        Map.of(),
        false);
  }

  @Test
  void slowModeDeferralNeverSendsIntoTheWait() {
    run(10, everySecond("@herald_slow"));
    assertEquals(Optional.of(now.plusSeconds(30)), target("@herald_slow").nextPostAt());

    clock.advance(Duration.ofSeconds(29));
    CycleTally tally = run(10, everySecond("@herald_slow"));
    assertEquals(CycleTally.empty(), tally);
    assertEquals(1, sent.size(), "not sent into the slow mode");

    clock.advance(Duration.ofSeconds(1));
    run(10, everySecond("@herald_slow"));
    assertEquals(2, sent.size());
  }

  @Test
  void aSlowModeAnswerSetsThatChatsTimeAndCountsAsAFloodWait() {
    script.put("@herald_a1", new SendOutcome.SlowMode(Duration.ofSeconds(42)));

    CycleTally tally = run(10, Cycles.cycle(1, now, List.of(7L), "@herald_a1", "@herald_a2"));

    assertEquals(new CycleTally(2, 1, 1, 1), tally);
    assertEquals(Optional.of(now.plusSeconds(42)), target("@herald_a1").nextPostAt());
    assertEquals(TargetErrors.SLOW_MODE, target("@herald_a1").lastError().orElseThrow().code());
  }
}
