package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5: jitter stretches both delays (between posts, between cycles) by a uniform random
 * share of 0 to {@code jitter_percent}, so the intervals Telegram sees lie in [delay, delay × (1 +
 * jitter)] and are not all alike; without jitter they are the delay. Measured between the messages
 * the sandbox's Telegram model received. Two bots run side by side: one posts a cycle to many chats
 * (the gaps are delays between posts), one posts to one chat (the gaps are delays between cycles).
 */
class JitterIT extends TenantSystemTest {

  private static final int POST_DELAY_S = 2;
  private static final int CYCLE_DELAY_S = 3;
  private static final int CHATS_PER_CYCLE = 10;
  private static final int CYCLES = 9;

  /** A receipt may trail its send a little less than the one before it trailed its own. */
  private static final Duration EARLY = Duration.ofMillis(100);

  /** A send's own time, within a cycle. */
  private static final Duration POST_SLACK = Duration.ofMillis(400);

  /** The cycle's completion, its write and the claim of the next one. */
  private static final Duration CYCLE_SLACK = Duration.ofMillis(800);

  private ScheduledBots bots;

  @BeforeEach
  void isolate() {
    bots = ScheduledBots.isolated(api, fixtures);
  }

  /** A started bot posting "Jitter" to {@code chats} with these delays and jitter. */
  private void start(String label, List<String> chats, int postDelay, int cycleDelay, int jitter) {
    String subject = Tokens.newSubject(label);
    String token = tokens.tenant(subject);
    fixtures.activeAccount(token, subject, 1);
    bots.start(
        token,
        JsonBody.of(
            "target_groups",
            chats,
            "post_text",
            "Jitter",
            "delay_between_posts_seconds",
            postDelay,
            "delay_between_cycles_seconds",
            cycleDelay,
            "schedule",
            JsonBody.object("jitter_percent", jitter)));
  }

  private static List<String> chats(String label, int count) {
    return IntStream.range(0, count).mapToObj(i -> ScheduledBots.chat(label)).toList();
  }

  /** The first {@code count} receipts over all {@code chats}, oldest first. */
  private List<Instant> receipts(List<String> chats, int count) {
    List<Instant> all = new ArrayList<>();
    chats.forEach(chat -> all.addAll(bots.sends(chat)));
    Collections.sort(all);
    return all.subList(0, Math.min(count, all.size()));
  }

  private static List<Duration> gaps(List<Instant> receipts) {
    return IntStream.range(1, receipts.size())
        .mapToObj(i -> Duration.between(receipts.get(i - 1), receipts.get(i)))
        .toList();
  }

  /** Runs both bots with {@code jitter} until they have posted enough; their gaps, posts first. */
  private List<List<Duration>> measure(int jitter) {
    List<String> cycleChats = chats("jitter_posts", CHATS_PER_CYCLE);
    List<String> oneChat = chats("jitter_cycles", 1);
    start("jitter-posts", cycleChats, POST_DELAY_S, 3_600, jitter);
    start("jitter-cycles", oneChat, 0, CYCLE_DELAY_S, jitter);
    Poll.until(
        "a cycle to " + CHATS_PER_CYCLE + " chats and " + CYCLES + " one-chat cycles",
        Duration.ofSeconds(120),
        () ->
            receipts(cycleChats, CHATS_PER_CYCLE).size() == CHATS_PER_CYCLE
                && receipts(oneChat, CYCLES).size() == CYCLES);
    return List.of(gaps(receipts(cycleChats, CHATS_PER_CYCLE)), gaps(receipts(oneChat, CYCLES)));
  }

  /**
   * Every gap in [delay, delay × (1 + jitter %)] (less {@link #EARLY}, plus {@code slack}); with
   * jitter, the gaps also spread over at least 30 % of the jitter's span (for eight or nine uniform
   * draws, all closer together than that has a chance of about 1 in 1000).
   */
  private static void assertJittered(
      String which, List<Duration> gaps, int delaySeconds, int jitter, Duration slack) {
    Duration delay = Duration.ofSeconds(delaySeconds);
    Duration span = delay.multipliedBy(jitter).dividedBy(100);
    Duration low = delay.minus(EARLY);
    Duration high = delay.plus(span).plus(slack);
    for (Duration gap : gaps) {
      assertTrue(
          gap.compareTo(low) >= 0 && gap.compareTo(high) <= 0,
          which + ": every interval in [" + low + ", " + high + "], got " + gaps);
    }
    if (jitter > 0) {
      Duration spread = Collections.max(gaps).minus(Collections.min(gaps));
      assertTrue(
          spread.compareTo(span.multipliedBy(3).dividedBy(10)) >= 0,
          which + ": the intervals vary, got " + gaps);
    }
  }

  @Test
  void jitterStretchesBothDelaysByAUniformShareUpToItsPercent() {
    List<List<Duration>> gaps = measure(50);
    assertJittered("between posts", gaps.get(0), POST_DELAY_S, 50, POST_SLACK);
    assertJittered("between cycles", gaps.get(1), CYCLE_DELAY_S, 50, CYCLE_SLACK);
  }

  @Test
  void withoutJitterBothDelaysAreConstant() {
    List<List<Duration>> gaps = measure(0);
    assertJittered("between posts", gaps.get(0), POST_DELAY_S, 0, POST_SLACK);
    assertJittered("between cycles", gaps.get(1), CYCLE_DELAY_S, 0, CYCLE_SLACK);
  }
}
