package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.SendLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cycle whose run stopped part-way (its node crashed, or this node's lease ran out in a database
 * outage) is continued by the next claim, as soon as the lease is free: seconds after the run's
 * last post. The tenant set the delay between posts to keep their session safe; the continuation
 * keeps it from that post, not from its own start. The model's send log is the judge, on a clock
 * that moves with real time.
 */
class TakeoverPaceTest {

  private static final long SESSION = 7;
  private static final Duration DELAY_BETWEEN_POSTS = Duration.ofSeconds(3);

  @RegisterExtension
  final CycleBench bench = CycleBench.paced(Instant.parse("2026-03-02T09:00:00Z"));

  private final EngineOnModel engine = new EngineOnModel(bench, true);
  private final TargetRules rules =
      new TargetRules(100, Duration.ofHours(1), TargetRules.NEW_CHATS_PER_DAY);

  @Test
  void aContinuationKeepsTheDelayBetweenPostsFromTheLastPostOfTheRunBefore() {
    ChatReference first = ChatReference.parse("@bazaar_1");
    ChatReference second = ChatReference.parse("@bazaar_2");
    // The run before posted to the first group, then its node went away.
    engine.run(cycle(List.of(first)), rules);
    // The next claim continues the cycle at once, as after a crash once the lease ran out.
    engine.run(bench.store.continued(cycle(List.of(first, second)), List.of(SESSION)), rules);

    List<SendLog.Entry> delivered =
        engine.telegram.sendLog().entries().stream().filter(SendLog.Entry::delivered).toList();
    assertEquals(2, delivered.size(), "each group posted once");
    Duration gap = Duration.between(delivered.get(0).at(), delivered.get(1).at());
    // The record starts a moment before its send: a few milliseconds of slack.
    assertTrue(
        gap.compareTo(DELAY_BETWEEN_POSTS.minusMillis(50)) >= 0,
        "the continuation's post came " + gap.toMillis() + " ms after the run before's");
  }

  private DueCycle cycle(List<ChatReference> groups) {
    return new DueCycle(
        1,
        5,
        bench.clock.instant(),
        BotPosts.of(BotPost.plainText("Fresh apples, 2 EUR a kilo")),
        groups,
        List.of(SESSION),
        Optional.empty(),
        1,
        DELAY_BETWEEN_POSTS,
        Duration.ofMinutes(10),
        Schedule.NONE,
        DailyCap.UNLIMITED,
        Map.of(),
        false);
  }
}
