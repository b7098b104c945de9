package dev.herald.scheduler.engine;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.targets.TargetKey;
import dev.herald.domain.telegram.ChatReference;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Due cycles for the engine's unit tests. */
final class Cycles {

  private Cycles() {}

  /** A cycle of {@code account} posting text to {@code chats} with {@code sessions}, no delays. */
  static DueCycle cycle(long account, Instant plannedAt, List<Long> sessions, String... chats) {
    return new DueCycle(
        account,
        1,
        plannedAt,
        BotPosts.of(BotPost.plainText("hello")),
        Arrays.stream(chats).map(ChatReference::parse).toList(),
        sessions,
        Optional.empty(),
        3,
        Duration.ZERO,
        Duration.ofMinutes(1),
        Schedule.NONE,
        DailyCap.UNLIMITED,
        Map.of(),
        false);
  }

  /** {@code cycle} under another claim's lease: this node claimed it again. */
  static DueCycle underLease(DueCycle cycle, long lease) {
    return claimedAgain(
        cycle,
        lease,
        cycle.sessionIds(),
        cycle.continued(),
        cycle.attempted(),
        cycle.unavailableSenders(),
        cycle.sinceLastPost());
  }

  /**
   * {@code cycle} as a later claim returns it: under {@code lease}, with these senders and what its
   * delivery records say.
   */
  static DueCycle claimedAgain(
      DueCycle cycle,
      long lease,
      List<Long> sessions,
      boolean continued,
      Set<String> attempted,
      Set<TargetKey> unavailable,
      Optional<Duration> sinceLastPost) {
    return new DueCycle(
        cycle.accountId(),
        cycle.cycleId(),
        lease,
        cycle.plannedAt(),
        cycle.content(),
        cycle.groups(),
        sessions,
        cycle.userBotTokenSealed(),
        cycle.maxInFlight(),
        cycle.delayBetweenPosts(),
        cycle.delayBetweenCycles(),
        cycle.schedule(),
        cycle.dailyCap(),
        cycle.sessionPostsLeft(),
        continued,
        attempted,
        unavailable,
        sinceLastPost);
  }
}
