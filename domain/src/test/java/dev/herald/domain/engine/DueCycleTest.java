package dev.herald.domain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DueCycleTest {

  private static final Duration DELAY = Duration.ofSeconds(20);

  private static DueCycle continuedAfter(Optional<Duration> sinceLastPost) {
    return new DueCycle(
        1,
        1,
        1,
        Instant.EPOCH,
        BotPosts.of(BotPost.plainText("hello")),
        List.of(),
        List.of(7L),
        Optional.empty(),
        1,
        DELAY,
        Duration.ofMinutes(10),
        Schedule.NONE,
        DailyCap.UNLIMITED,
        Map.of(),
        true,
        Set.of(),
        Set.of(),
        sinceLastPost);
  }

  @Test
  void aContinuationWaitsOutWhatIsLeftOfTheDelaySinceTheCyclesLastPost() {
    assertEquals(
        Duration.ofSeconds(11),
        continuedAfter(Optional.of(Duration.ofSeconds(9))).firstPostsWait(DELAY));
  }

  @Test
  void aRunWhoseLastPostIsOneDelayBackOrNoneStartsAtOnce() {
    assertEquals(Duration.ZERO, continuedAfter(Optional.of(DELAY)).firstPostsWait(DELAY));
    assertEquals(
        Duration.ZERO, continuedAfter(Optional.of(Duration.ofHours(1))).firstPostsWait(DELAY));
    assertEquals(Duration.ZERO, continuedAfter(Optional.empty()).firstPostsWait(DELAY));
  }

  @Test
  void aPostStartedAfterTheClaimsTimeWaitsTheWholeDelayNeverMore() {
    assertEquals(DELAY, continuedAfter(Optional.of(Duration.ofSeconds(-3))).firstPostsWait(DELAY));
  }
}
