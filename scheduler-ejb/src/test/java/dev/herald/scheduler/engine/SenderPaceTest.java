package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Telegram's per-account limit against the engine, on the Telegram model: an account starts at most
 * 30 messages a second (bursts of 30 included). A plan may allow 0 s between posts; a tenant with
 * 45 groups on one session still earns no flood wait, because the engine starts a sender's posts at
 * least {@link TargetRules#PER_SENDER_INTERVAL} apart. The model's send log is the judge, on a
 * clock that moves with real time.
 */
class SenderPaceTest {

  private static final long SESSION = 7;

  @RegisterExtension
  final CycleBench bench = CycleBench.paced(Instant.parse("2026-03-02T09:00:00Z"));

  /** The model's open world: every group exists and admits the session. */
  private final EngineOnModel engine = new EngineOnModel(bench, true);

  private final List<ChatReference> groups =
      IntStream.rangeClosed(1, 45).mapToObj(i -> ChatReference.parse("@bazaar_" + i)).toList();

  private void cycle(long cycleId) {
    engine.sessionCycle(
        cycleId,
        "Fresh apples, 2 EUR a kilo",
        groups,
        SESSION,
        Duration.ofMinutes(10),
        new TargetRules(100, Duration.ofHours(1), TargetRules.NEW_CHATS_PER_DAY));
  }

  @Test
  void aSessionWithNoDelayBetweenPostsPostsToEveryGroupWithoutAFloodWait() {
    // The first cycle joins every group and posts to 20 (Telegram's spam limit on new chats); a
    // day later none is new, so one cycle posts to all 45, back to back.
    cycle(1);
    bench.clock.advance(Duration.ofDays(1).plusMinutes(1));
    cycle(2);

    assertEquals(Map.of(), engine.telegram.figures().refusedByReason(), "Telegram refused nothing");
    assertEquals(20 + 45, engine.deliveredBy(Account.user(SESSION)));
  }
}
