package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 6: the plan's posts per day, counted in PostgreSQL per local day of the tenant's
 * zone. The cap reached pauses the bot with {@code DAILY_CAP} until the next local day; the model
 * received exactly the cap. The next day is reached honestly without moving the server's clock: the
 * tenant moves from UTC-12 (UTC-10 when midnight there is near) to UTC+14, where the local date is
 * always a later one, and the engine itself sees the new day and resumes. A raised cap applies at
 * once as well.
 */
class DailyCapIT extends TenantSystemTest {

  private static final ZoneId WEST = west();
  private static final ZoneId EAST = ZoneId.of("Etc/GMT-14");

  private ScheduledBots bots;

  /**
   * UTC-12, or UTC-10 while UTC-12's midnight is less than two hours away (UTC 10:00 to 12:00): the
   * test's local day must not end while it runs. Either is at least 24 hours behind UTC+14.
   */
  private static ZoneId west() {
    int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    return ZoneId.of(utcHour == 10 || utcHour == 11 ? "Etc/GMT+10" : "Etc/GMT+12");
  }

  @BeforeEach
  void isolate() {
    fixtures.stopAllBots();
    fixtures.noSandboxFaults();
    bots = new ScheduledBots(api, fixtures);
  }

  @Test
  void theDailyCapPausesTheBotUntilTheTenantsNextDayWhenItResumesByItself() {
    String subject = Tokens.newSubject("cap");
    String token = tokens.tenant(subject);
    long account = fixtures.activeAccount(token, subject, 1);
    bots.setPlan(
        account,
        "max_sessions",
        1,
        "min_delay_between_posts_seconds",
        0,
        "min_delay_between_cycles_seconds",
        1,
        "max_posts_per_day",
        2);
    List<String> chats =
        List.of(ScheduledBots.chat("cap"), ScheduledBots.chat("cap"), ScheduledBots.chat("cap"));

    bots.start(token, ScheduledBots.config(chats, 1, ScheduledBots.schedule(WEST.getId(), "")));

    Poll.until("the cap pauses the bot", Duration.ofSeconds(20), () -> bots.deferred(account));
    JsonObject state = bots.state(token);
    assertEquals("DAILY_CAP", state.getString("pause_reason"), state::toString);
    assertTrue(state.getBoolean("is_idle"));
    assertEquals(
        LocalDate.now(WEST).plusDays(1).atStartOfDay(WEST).toInstant().toString(),
        state.getString("resumes_at"));
    assertEquals(2, bots.sendCount(chats), "the model received exactly the day's cap");

    bots.setPlan(
        account,
        "max_sessions",
        1,
        "min_delay_between_posts_seconds",
        0,
        "min_delay_between_cycles_seconds",
        1,
        "max_posts_per_day",
        3);
    Poll.until("the raised cap's post", Duration.ofSeconds(20), () -> bots.sendCount(chats) >= 3);
    Poll.until("paused again", Duration.ofSeconds(20), () -> bots.deferred(account));
    assertEquals(3, bots.sendCount(chats), "one more post today, exactly");

    bots.putConfig(token, ScheduledBots.config(chats, 1, ScheduledBots.schedule(EAST.getId(), "")));

    Poll.until("the next day's posts", Duration.ofSeconds(20), () -> bots.sendCount(chats) >= 6);
    Poll.until("paused again", Duration.ofSeconds(20), () -> bots.deferred(account));
    assertEquals(6, bots.sendCount(chats), "the new day's cap, again exactly");
    assertEquals("DAILY_CAP", bots.state(token).getString("pause_reason"));
  }
}
