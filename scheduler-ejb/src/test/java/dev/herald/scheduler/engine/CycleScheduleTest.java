package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.schedule.ActiveHours;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.telegram.TextFormatter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schedule in the engine (issue 15): active hours, the daily cap and jitter, with a hand-moved
 * clock. Every send moves the clock by {@link #SEND_TAKES}; nothing waits on a real timer.
 */
class CycleScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Duration SEND_TAKES = Duration.ofMinutes(10);

  /** Logs each send with the clock's time and moves the clock on. */
  private final class TimedGateway implements TelegramGateway {
    final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public String transport() {
      return "timed";
    }

    @Override
    public SendOutcome send(Sender sender, ChatReference chat, Post post) {
      sent.add(chat.canonical() + "@" + clock.instant());
      clock.advance(SEND_TAKES);
      return new SendOutcome.Delivered(sent.size());
    }
  }

  @RegisterExtension final CycleBench bench = new CycleBench(Instant.parse("2026-03-28T12:00:00Z"));
  private final MutableClock clock = bench.clock;
  private final InMemoryEngineStore store = bench.store;
  private final TimedGateway gateway = new TimedGateway();

  private static DueCycle cycle(Schedule schedule, DailyCap cap, String... chats) {
    return new DueCycle(
        1,
        1,
        Instant.EPOCH,
        BotPosts.of(BotPost.plainText("hello")),
        Arrays.stream(chats).map(ChatReference::parse).toList(),
        List.of(7L),
        Optional.empty(),
        1,
        Duration.ZERO,
        Duration.ofMinutes(5),
        schedule,
        cap,
        Map.of(),
        false);
  }

  private Completed run(DueCycle cycle) {
    bench.run(cycle, CycleBench.sending(gateway, TextFormatter.plainOnly()));
    assertEquals(1, store.completed.size(), "one completion per cycle");
    return store.completed.get(0);
  }

  private static Schedule hours(String activeHours) {
    return new Schedule(0, BERLIN, ActiveHours.parse(activeHours), 0);
  }

  @Test
  void aCycleDueOutsideActiveHoursPostsNothingAndMovesToTheNextWindowAcrossDst() {
    // Saturday 2026-03-28 21:00 UTC = 22:00 CET; Sunday the clocks spring forward; the next window,
    // Monday 09:00 CEST, is 07:00 UTC.
    clock.advance(Duration.ofHours(9));
    Completed done = run(cycle(hours("Mon-Fri 09:00-21:00"), DailyCap.UNLIMITED, "@herald_a1"));

    assertEquals(List.of(), gateway.sent);
    assertEquals(Instant.parse("2026-03-30T07:00:00Z"), done.nextRunAt());
  }

  @Test
  void aLaneStopsAtTheEndOfTheWindowAndTheNextCycleWaitsForTheNextWindow() {
    // Saturday 13:00 CET: two sends of 10 minutes fit before the window ends at 13:20.
    Completed done =
        run(
            cycle(
                hours("Sat 10:00-13:20; Sun 10:00-13:00"),
                DailyCap.UNLIMITED,
                "@herald_a1",
                "@herald_a2",
                "@herald_a3"));

    assertEquals(
        List.of("@herald_a1@2026-03-28T12:00:00Z", "@herald_a2@2026-03-28T12:10:00Z"),
        gateway.sent);
    // Sunday 10:00 CEST (after the change) = 08:00 UTC.
    assertEquals(Instant.parse("2026-03-29T08:00:00Z"), done.nextRunAt());
  }

  @Test
  void theDailyCapLimitsACycleAndPausesTheBotUntilTheNextLocalDay() {
    LocalDate saturday = LocalDate.of(2026, 3, 28);
    Completed done =
        run(
            cycle(
                hours(""), new DailyCap(5, saturday, 3), "@herald_a1", "@herald_a2", "@herald_a3"));

    assertEquals(2, gateway.sent.size(), "only the day's two posts left are sent");
    assertEquals(saturday, done.day());
    assertEquals(2, done.tally().attempts());
    // Sunday 00:00 in Berlin (still CET) = Saturday 23:00 UTC.
    assertEquals(Instant.parse("2026-03-28T23:00:00Z"), done.nextRunAt());
  }

  /**
   * Posts of the cycle's earlier runs that no completion counted (a crashed node's) use up the
   * day's posts like counted ones, and this run's completion counts them with its own.
   */
  @Test
  void postsNoCompletionCountedUseUpTheDayAndAreCountedByThisRun() {
    LocalDate saturday = LocalDate.of(2026, 3, 28);
    Completed done =
        run(
            cycle(
                hours(""),
                new DailyCap(5, saturday, 1, 2),
                "@herald_a1",
                "@herald_a2",
                "@herald_a3"));

    assertEquals(2, gateway.sent.size(), "5 - 1 counted - 2 not counted yet");
    assertEquals(2, done.tally().posts());
    assertEquals(4, done.posts(), "its own two and the two no completion counted");
    assertEquals(Instant.parse("2026-03-28T23:00:00Z"), done.nextRunAt(), "the cap is used up");
  }

  @Test
  void aBotAtItsDailyCapPostsNothingUntilTheNextLocalDay() {
    LocalDate saturday = LocalDate.of(2026, 3, 28);
    Completed done = run(cycle(hours(""), new DailyCap(5, saturday, 5), "@herald_a1"));

    assertEquals(List.of(), gateway.sent);
    assertEquals(Instant.parse("2026-03-28T23:00:00Z"), done.nextRunAt());
  }

  @Test
  void aCountFromAnEarlierDayIsNoCountToday() {
    Completed done =
        run(cycle(hours(""), new DailyCap(1, LocalDate.of(2026, 3, 27), 1), "@herald_a1"));

    assertEquals(1, gateway.sent.size());
    assertEquals(Instant.parse("2026-03-28T23:00:00Z"), done.nextRunAt(), "the cap is used up");
  }

  @Test
  void jitterOnlyStretchesTheDelayBetweenCyclesByUpToItsShare() {
    Schedule jitter = new Schedule(50, BERLIN, ActiveHours.ALWAYS, 0);
    Completed done = run(cycle(jitter, DailyCap.UNLIMITED, "@herald_a1"));

    Instant end = clock.instant();
    assertFalse(done.nextRunAt().isBefore(end.plus(Duration.ofMinutes(5))));
    assertTrue(done.nextRunAt().isBefore(end.plus(Duration.ofSeconds(450))));
  }
}
