package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.BotPostsJson;
import dev.herald.domain.content.Rotation;
import dev.herald.domain.engine.CycleTally;
import dev.herald.domain.engine.DeliveryLedger.Completed;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.schedule.ActiveHours;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.GroupInterval;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.UrlButton;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schedule and the plan in the engine's SQL (issue 15): the claim applies the plan's current
 * limits and the per-group interval, carries the schedule and the daily count; the completion
 * counts the cycle's posts on the tenant's day.
 */
class ScheduleSqlTest extends DatabaseTest {

  private static final Duration LEASE = Duration.ofSeconds(30);

  private final JdbcLeaseStore leases = new JdbcLeaseStore(TestDatabase.dataSource());
  private final JdbcDeliveryLedger ledger = new JdbcDeliveryLedger(TestDatabase.dataSource());
  private final Instant now = Instant.now();

  private long bot(String groups) {
    return rows.bot(rows.account("ACTIVE", null), "RUNNING", now.minusSeconds(1), groups);
  }

  private DueCycle claim() {
    List<DueCycle> claimed = leases.claimDue("node-a", Duration.ofSeconds(1), LEASE, 10);
    assertEquals(1, claimed.size());
    return claimed.get(0);
  }

  private static List<String> groups(DueCycle cycle) {
    return cycle.groups().stream().map(g -> g.canonical()).toList();
  }

  @Test
  void aPlanDowngradeCutsGroupsAndRaisesDelaysAtTheNextClaim() {
    long bot = bot("@herald_one,@herald_two,@herald_three");
    rows.update(
        "UPDATE account SET max_groups = 2, min_delay_between_posts_s = 30,"
            + " min_delay_between_cycles_s = 600 WHERE id = ?",
        bot);

    DueCycle cycle = claim();

    assertEquals(List.of("@herald_one", "@herald_two"), groups(cycle));
    assertEquals(Duration.ofSeconds(30), cycle.delayBetweenPosts());
    assertEquals(Duration.ofSeconds(600), cycle.delayBetweenCycles());
  }

  @Test
  void aPlanDowngradeCutsPostsAndButtonsAtTheNextClaim() {
    long bot = bot("@herald_one");
    BotPost withButtons =
        new BotPost(
            PostType.TEXT,
            "first",
            TextFormat.PLAIN,
            null,
            List.of(
                List.of(
                    new UrlButton("a", "https://e.com/a"), new UrlButton("b", "https://e.com/b"))));
    rows.update(
        "UPDATE bot SET content_json = ? WHERE account_id = ?",
        BotPostsJson.write(
            new BotPosts(
                List.of(withButtons, BotPost.plainText("second")), Rotation.IN_ORDER, true)),
        bot);
    rows.update("UPDATE account SET max_posts_per_bot = 1, max_buttons = 1 WHERE id = ?", bot);

    BotPosts content = claim().content();

    assertEquals(1, content.posts().size());
    assertEquals(
        List.of(List.of(new UrlButton("a", "https://e.com/a"))), content.posts().get(0).buttons());
  }

  @Test
  void theClaimCarriesTheScheduleAndTheDailyCount() {
    long bot = bot("@herald_one");
    rows.update(
        "UPDATE bot SET jitter_percent = 20, time_zone = 'Europe/Berlin',"
            + " active_hours = 'Mon 09:00-21:00', posts_day = DATE '2026-11-30', posts_today = 7"
            + " WHERE account_id = ?",
        bot);

    DueCycle cycle = claim();

    assertEquals(
        new Schedule(20, ZoneId.of("Europe/Berlin"), ActiveHours.parse("Mon 09:00-21:00"), 0),
        cycle.schedule());
    assertEquals(new DailyCap(1000, LocalDate.of(2026, 11, 30), 7), cycle.dailyCap());
  }

  @Test
  void aGroupPostedToWithinItsMinimumIntervalIsLeftOutOfTheCycle() {
    long bot = bot("@herald_one,@herald_two");
    rows.update(
        "UPDATE bot SET min_group_interval_min = 30, cycle_id = 5 WHERE account_id = ?", bot);
    rows.update(
        "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
            + " outcome, started_at) VALUES (?, 4, '@herald_one', 'SESSION', 1, 'DELIVERED',"
            + " now() - interval '10 minutes'), (?, 3, '@herald_two', 'SESSION', 1, 'DELIVERED',"
            + " now() - interval '40 minutes')",
        bot,
        bot);

    assertEquals(List.of("@herald_two"), groups(claim()));
  }

  /**
   * An attempt whose sender sent nothing (a flood wait, a session not open on this node: {@code
   * retryable}) posted nothing: the group's interval does not start with it.
   */
  @Test
  void anAttemptWhoseSenderSentNothingDoesNotStartTheGroupsInterval() {
    long bot = bot("@herald_one,@herald_two,@herald_three");
    rows.update(
        "UPDATE bot SET min_group_interval_min = 30, cycle_id = 5 WHERE account_id = ?", bot);
    rows.update(
        "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
            + " outcome, retryable, started_at) VALUES (?, 4, '@herald_one', 'SESSION', 1,"
            + " 'FLOOD_WAIT', true, now() - interval '10 minutes'), (?, 4, '@herald_two',"
            + " 'SESSION', 1, 'SENDER_UNAVAILABLE', true, now() - interval '10 minutes'), (?, 4,"
            + " '@herald_three', 'SESSION', 1, 'SENDER_UNAVAILABLE', false, now() - interval '10"
            + " minutes')",
        bot,
        bot,
        bot);

    assertEquals(
        List.of("@herald_one", "@herald_two"),
        groups(claim()),
        "the park that may have posted keeps its group's interval");
  }

  /** The twin test: {@code LeaseSql.recentlyPosted} and {@code GroupInterval.mayPostTo}. */
  @Test
  void theClaimsGroupIntervalAgreesWithItsJavaTwin() {
    int[][] cases = {{30, 5}, {30, 1_790}, {30, 1_810}, {30, 7_200}, {0, 5}, {1, 50}, {1, 70}};
    for (int[] c : cases) {
      TestDatabase.clean();
      int interval = c[0];
      int secondsAgo = c[1];
      long bot = bot("@herald_one");
      rows.update(
          "UPDATE bot SET min_group_interval_min = ?, cycle_id = 3 WHERE account_id = ?",
          interval,
          bot);
      rows.update(
          "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
              + " outcome, started_at) VALUES (?, 2, '@herald_one', 'SESSION', 1, 'DELIVERED',"
              + " now() - make_interval(secs => ?))",
          bot,
          secondsAgo);
      Instant javaNow = Instant.now();
      boolean java =
          GroupInterval.mayPostTo(
              javaNow.minusSeconds(secondsAgo), javaNow, Duration.ofMinutes(interval));
      assertEquals(
          java,
          groups(claim()).contains("@herald_one"),
          "interval " + interval + " min, posted " + secondsAgo + " s ago");
    }
  }

  @Test
  void withoutAMinimumIntervalRecentGroupsArePostedTo() {
    long bot = bot("@herald_one");
    rows.update(
        "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
            + " outcome, started_at) VALUES (?, 0, '@herald_one', 'SESSION', 1, 'DELIVERED',"
            + " now())",
        bot);

    assertEquals(List.of("@herald_one"), groups(claim()));
  }

  @Test
  void aCompletionCountsItsAttemptsOnTheTenantsDayAndANewDayStartsAfresh() {
    long bot = bot("@herald_one");
    LocalDate monday = LocalDate.of(2026, 11, 30);

    complete(claim(), monday, 3);
    complete(claim(), monday, 2);
    assertEquals(5L, rows.count("SELECT posts_today FROM bot WHERE account_id = ?", bot));

    complete(claim(), monday.plusDays(1), 1);
    assertEquals(1L, rows.count("SELECT posts_today FROM bot WHERE account_id = ?", bot));
    assertEquals("2026-12-01", rows.text("SELECT posts_day FROM bot WHERE account_id = ?", bot));
  }

  private void complete(DueCycle cycle, LocalDate day, int attempts) {
    ledger.flush(
        "node-a",
        TestFlushes.next(),
        List.of(),
        List.of(
            new Completed(
                cycle, now.minusSeconds(1), new CycleTally(attempts, attempts, 0, 0), day, null)));
  }
}
