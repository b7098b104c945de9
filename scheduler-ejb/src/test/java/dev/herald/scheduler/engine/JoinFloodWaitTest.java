package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A join flood wait against the engine, on the Telegram model with Telegram's limits: the session's
 * owner spent its joins for the hour by hand, so Herald's first join earns a flood wait. Herald
 * then asks Telegram nothing more for that session's chats until the wait ends (every other chat
 * waits as long, and says why), instead of earning one flood wait per chat per cycle; the model's
 * join counters are the judge.
 */
class JoinFloodWaitTest {

  private static final long SESSION = 7;
  private static final Account USER = Account.user(SESSION);
  private final Instant start = Instant.parse("2026-03-02T09:00:00Z");
  @RegisterExtension final CycleBench bench = new CycleBench(start);

  /** The model's closed world: a chat is posted to only once joined. */
  private final EngineOnModel engine = new EngineOnModel(bench, false);

  private final TelegramWorld telegram = engine.telegram;
  private final InMemoryTargetStore targets = engine.targets;
  private final List<ChatReference> groups =
      IntStream.rangeClosed(1, 5).mapToObj(i -> ChatReference.parse("@bazaar_" + i)).toList();

  private void cycle(long cycleId) {
    engine.sessionCycle(
        cycleId,
        "Fresh apples, 2 EUR a kilo",
        groups,
        SESSION,
        Duration.ofMinutes(1),
        new TargetRules(10));
  }

  /** The owner joined 20 other groups from the phone within the hour: Telegram's join budget. */
  private void ownerJoinedTwentyGroupsByHand() {
    for (int i = 1; i <= 20; i++) {
      telegram.createChat(NewChat.supergroup("hobby " + i).username("hobby_" + i));
      telegram.joinChat(USER, telegram.searchPublicChat(USER, "hobby_" + i).id());
    }
  }

  private long delivered() {
    return engine.deliveredBy(USER);
  }

  private List<ChatTarget> heldByTheFloodWait() {
    return targets.saved.values().stream()
        .filter(t -> t.membership() != TargetMembership.JOINED)
        .filter(t -> t.lastErrorIs(TargetErrors.FLOOD_WAIT))
        .toList();
  }

  @Test
  void aJoinFloodWaitHoldsTheSessionsOtherPreparationsUntilItEnds() {
    engine.createGroups(groups);
    ownerJoinedTwentyGroupsByHand();
    long joinsBefore = telegram.figures().joins();

    cycle(1);
    assertEquals(1, telegram.figures().joinFloodWaits(), "one join refused, not one per group");
    assertEquals(joinsBefore, telegram.figures().joins());
    assertEquals(0, delivered());
    List<ChatTarget> held = heldByTheFloodWait();
    assertEquals(5, held.size(), "every group waits, and says why: " + targets.saved.values());
    Instant waitEnds = held.get(0).nextPostAt().orElseThrow();
    assertTrue(waitEnds.isAfter(start), "Telegram's wait: " + waitEnds);
    held.forEach(t -> assertEquals(Optional.of(waitEnds), t.nextPostAt(), t::toString));

    bench.clock.advance(Duration.ofMinutes(1));
    cycle(2);
    assertEquals(1, telegram.figures().joinFloodWaits(), "nothing asked inside the wait");

    bench.clock.advance(Duration.between(bench.clock.instant(), waitEnds).plusSeconds(1));
    cycle(3);
    assertEquals(joinsBefore + 1, telegram.figures().joins(), "the join the budget allows");
    assertEquals(1, delivered(), "posted where it joined");
    assertEquals(Map.of(), telegram.figures().refusedByReason(), "no send Telegram refused");
  }
}
