package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 6: the plan's posts per day, counted in PostgreSQL per local day of the tenant's
 * zone. The cap reached pauses the bot with {@code DAILY_CAP} until the next local day; the model
 * received exactly the cap. The next day is reached honestly without moving the server's clock: the
 * tenant moves from UTC-12 (UTC-10 when midnight there is near) to UTC+14 (UTC+12 when midnight
 * there is near), where the local date is always a later one, and the engine itself sees the new
 * day and resumes. A raised cap applies at once as well.
 */
class DailyCapIT extends ScheduledBotSystemTest {

  private static final ZoneId WEST = west();
  private static final ZoneId EAST = east();

  /**
   * UTC-12, or UTC-10 while UTC-12's midnight is less than two hours away (UTC 10:00 to 12:00): the
   * test's local day must not end while it runs. Either is at least 24 hours behind UTC+14.
   */
  private static ZoneId west() {
    int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    return ZoneId.of(utcHour == 10 || utcHour == 11 ? "Etc/GMT+10" : "Etc/GMT+12");
  }

  /**
   * UTC+14, or UTC+12 while UTC+14's midnight is less than two hours away (UTC 08:00 to 10:00): the
   * bot paused there must be paused for more than an hour ({@code deferred}), and that day must not
   * end while the test runs (it failed so from UTC 09:00). Either local date is a day or more past
   * {@link #west}'s.
   */
  private static ZoneId east() {
    int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    return ZoneId.of(utcHour == 8 || utcHour == 9 ? "Etc/GMT-12" : "Etc/GMT-14");
  }

  /** The plan of one session with no minimum delays, allowing {@code cap} posts a day. */
  private void capPostsPerDay(long account, int cap) {
    bots.setPlan(
        account,
        "max_sessions",
        1,
        "min_delay_between_posts_seconds",
        0,
        "min_delay_between_cycles_seconds",
        1,
        "max_posts_per_day",
        cap);
  }

  @Test
  void theDailyCapPausesTheBotUntilTheTenantsNextDayWhenItResumesByItself() {
    ActiveTenant tenant = activeTenant("cap", 1);
    capPostsPerDay(tenant.account(), 2);
    List<String> chats =
        List.of(ScheduledBots.chat("cap"), ScheduledBots.chat("cap"), ScheduledBots.chat("cap"));

    bots.start(
        tenant.token(), ScheduledBots.config(chats, 1, ScheduledBots.schedule(WEST.getId(), "")));

    Poll.until(
        "the cap pauses the bot", Duration.ofSeconds(20), () -> bots.deferred(tenant.account()));
    JsonObject state =
        stateShowing(
            tenant.token(),
            "the daily cap",
            s -> "DAILY_CAP".equals(s.getString("pause_reason", null)));
    assertEquals("DAILY_CAP", state.getString("pause_reason"), state::toString);
    assertTrue(state.getBoolean("is_idle"));
    assertEquals(
        LocalDate.now(WEST).plusDays(1).atStartOfDay(WEST).toInstant().toString(),
        state.getString("resumes_at"));
    assertEquals(2, bots.sendCount(chats), "the model received exactly the day's cap");

    capPostsPerDay(tenant.account(), 3);
    Poll.until("the raised cap's post", Duration.ofSeconds(20), () -> bots.sendCount(chats) >= 3);
    Poll.until("paused again", Duration.ofSeconds(20), () -> bots.deferred(tenant.account()));
    assertEquals(3, bots.sendCount(chats), "one more post today, exactly");

    bots.putConfig(
        tenant.token(), ScheduledBots.config(chats, 1, ScheduledBots.schedule(EAST.getId(), "")));

    Poll.until("the next day's posts", Duration.ofSeconds(20), () -> bots.sendCount(chats) >= 6);
    Poll.until("paused again", Duration.ofSeconds(20), () -> bots.deferred(tenant.account()));
    assertEquals(6, bots.sendCount(chats), "the new day's cap, again exactly");
    stateShowing(
        tenant.token(),
        "the new day's cap",
        s -> "DAILY_CAP".equals(s.getString("pause_reason", null)));
  }
}
