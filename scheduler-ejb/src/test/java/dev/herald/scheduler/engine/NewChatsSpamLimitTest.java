package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.TelegramWorld;
import dev.herald.telegram.model.WorldFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Telegram's spam limit against the engine, on the Telegram model: a session that sends one text to
 * more than 20 chats it joined within the last day is limited ({@code PEER_FLOOD}). A tenant with
 * 25 groups and one text, on one fresh session: Herald posts to 20 of them and holds the other five
 * until the session is no longer new there; the model's send log is the judge. The same cycle
 * without the limit ({@code newChatsPerDay} 1000) earns {@code PEER_FLOOD}, so the test can fail.
 */
class NewChatsSpamLimitTest {

  private static final long SESSION = 7;
  private final Instant start = Instant.parse("2026-03-02T09:00:00Z");
  @RegisterExtension final CycleBench bench = new CycleBench(start);

  /** The model's open world: every group exists and admits the session. */
  private final EngineOnModel engine = new EngineOnModel(bench, true);

  private final TelegramWorld telegram = engine.telegram;
  private final InMemoryTargetStore targets = engine.targets;
  private final List<ChatReference> groups =
      IntStream.rangeClosed(1, 25).mapToObj(i -> ChatReference.parse("@market_" + i)).toList();

  private void cycle(long cycleId, int newChatsPerDay) {
    engine.sessionCycle(
        cycleId,
        "Fresh apples, 2 EUR a kilo",
        groups,
        SESSION,
        Duration.ofMinutes(10),
        new TargetRules(100, Duration.ofHours(1), newChatsPerDay));
  }

  private long delivered() {
    return engine.deliveredBy(Account.user(SESSION));
  }

  @Test
  void aFreshSessionPostsOneTextToTwentyNewGroupsAndTheRestOnceItIsNoLongerNewThere() {
    cycle(1, TargetRules.NEW_CHATS_PER_DAY);

    WorldFigures figures = telegram.figures();
    assertEquals(20, delivered(), "20 groups got the post");
    assertEquals(Map.of(), figures.refusedByReason(), "Telegram refused nothing");
    assertEquals(0, figures.spamLimitedAccounts());
    List<ChatTarget> held =
        targets.saved.values().stream()
            .filter(t -> t.lastErrorIs(TargetErrors.NEW_CHATS_LIMIT))
            .toList();
    assertEquals(5, held.size(), "five groups wait, and say why");
    held.forEach(
        t ->
            assertEquals(Optional.of(start.plus(Duration.ofDays(1))), t.nextPostAt(), t::toString));
    assertTrue(bench.store.penalties.isEmpty(), bench.store.penalties::toString);

    bench.clock.advance(Duration.ofHours(2));
    cycle(2, TargetRules.NEW_CHATS_PER_DAY);
    assertEquals(40, delivered(), "the 20 again, the five still held");

    bench.clock.advance(Duration.ofHours(22));
    cycle(3, TargetRules.NEW_CHATS_PER_DAY);
    assertEquals(65, delivered(), "a day after joining, all 25");
    assertEquals(Map.of(), telegram.figures().refusedByReason());
  }

  @Test
  void withoutTheLimitTheModelSpamLimitsTheSession() {
    cycle(1, 1000);

    WorldFigures figures = telegram.figures();
    assertEquals(20, delivered());
    assertEquals(Map.of("PEER_FLOOD", 1L), figures.refusedByReason());
    assertEquals(1, figures.spamLimitedAccounts());
    assertEquals(1, bench.store.penalties.size(), bench.store.penalties::toString);
  }
}
