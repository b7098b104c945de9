package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.AccountStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session Telegram bans in the middle of its share, or one not open on this node, against the
 * Telegram model: the chats it leaves, and the one where it met the fault, go to the account's
 * other senders in the same cycle (its continuation), and the model's send log shows every group
 * received the cycle's post exactly once.
 */
class SenderLostMidCycleTest {

  private static final String TEXT = "Olive oil, first cold press";

  @RegisterExtension final CycleBench bench = new CycleBench(Instant.parse("2026-03-02T09:00:00Z"));

  private final EngineOnModel engine = new EngineOnModel(bench, true);
  private final List<ChatReference> groups =
      IntStream.range(0, 6).mapToObj(i -> ChatReference.parse("@bazaar_" + i)).toList();

  private boolean run(List<Long> sessions, boolean continued) {
    engine.cycle(
        1,
        TEXT,
        groups,
        sessions,
        Optional.empty(),
        2,
        Duration.ofMinutes(10),
        new TargetRules(10),
        continued);
    return bench.store.completed.get(0).handedBack();
  }

  @Test
  void theChatsABannedSessionLeavesArePostedByTheOtherSessionInTheSameCycle() {
    engine.createGroups(groups);
    engine.telegram.setStanding(Account.user(7), AccountStanding.BANNED);

    // The claim continues a cycle handed back at once, with the senders the account has now:
    // session 8 (the ban took 7 off the account). A cycle not handed back is over.
    if (run(List.of(7L, 8L), false)) {
      assertFalse(run(List.of(8L), true), "the continuation ends the cycle");
    }

    assertEquals(0, engine.deliveredBy(Account.user(7)));
    List<Long> perGroup = groups.stream().map(g -> engine.deliveredTo(g.username())).toList();
    assertEquals(
        List.of(1L, 1L, 1L, 1L, 1L, 1L),
        perGroup,
        "every group once in the cycle, the one where Telegram answered the ban included");
  }

  /** The session answers as TDLib does for a session another node holds: before any chat. */
  @Test
  void theChatsASessionNotOpenHereLeavesArePostedByTheOtherSessionInTheSameCycle() {
    engine.createGroups(groups);
    engine.faults.update(plan -> plan.withSessionStates(List.of(7L), List.of()));

    // Parked UNAVAILABLE, session 7 is not among the continuation's senders.
    if (run(List.of(7L, 8L), false)) {
      assertFalse(run(List.of(8L), true), "the continuation ends the cycle");
    }

    assertEquals(0, engine.deliveredBy(Account.user(7)));
    assertEquals(
        List.of(1L, 1L, 1L, 1L, 1L, 1L),
        groups.stream().map(g -> engine.deliveredTo(g.username())).toList(),
        "every group once in the cycle, the one session 7 was dealt first included");
  }

  /**
   * Session 7 is among the continuations' senders again (its park of 30 seconds over), still not
   * open here: each run it parks at its first chat and hands the rest back, and the chat it parked
   * at goes to session 8 in the next run, so no group loses the cycle's post.
   */
  @Test
  void aSessionBackFromItsParkIsNotDealtTheChatItSentNothingTo() {
    engine.createGroups(groups);
    engine.faults.update(plan -> plan.withSessionStates(List.of(7L), List.of()));

    int runs = 1;
    for (boolean handedBack = run(List.of(7L, 8L), false); handedBack; runs++) {
      assertTrue(runs <= 2 * groups.size(), "the cycle ends: each chat tried twice at most");
      handedBack = run(List.of(7L, 8L), true);
    }

    assertEquals(0, engine.deliveredBy(Account.user(7)));
    assertEquals(
        List.of(1L, 1L, 1L, 1L, 1L, 1L),
        groups.stream().map(g -> engine.deliveredTo(g.username())).toList(),
        "every group once in the cycle, each chat session 7 parked at included");
  }
}
