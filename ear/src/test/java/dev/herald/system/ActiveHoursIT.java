package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 18 and issue 15: a bot posts nothing outside its active hours, asserted on what the
 * sandbox's Telegram model received. The server's clock cannot be moved, so the test picks a zone
 * where it is about noon now and windows relative to that day; the DST cases are the domain's and
 * the engine's tests with a fixed clock ({@code ActiveHoursTest}, {@code CycleScheduleTest}).
 */
class ActiveHoursIT extends ScheduledBotSystemTest {

  @Test
  void aBotPostsNothingOutsideItsActiveHoursAndPostsOnceItsWindowIsOpen() {
    ActiveTenant tenant = activeTenant("hours", 1);
    String chat = ScheduledBots.chat("hours");
    ZoneId zone = ScheduledBots.noonZone();
    LocalDate today = LocalDate.now(zone);
    String tomorrowOnly = ScheduledBots.day(today.plusDays(1).getDayOfWeek()) + " 00:00-24:00";

    bots.start(
        tenant.token(),
        ScheduledBots.config(List.of(chat), 1, ScheduledBots.schedule(zone.getId(), tomorrowOnly)));

    Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
    Poll.until(
        "the engine defers the bot", Duration.ofSeconds(20), () -> bots.deferred(tenant.account()));
    JsonObject state = bots.state(tenant.token());
    assertEquals("OUTSIDE_ACTIVE_HOURS", state.getString("pause_reason"), state::toString);
    assertTrue(state.getBoolean("is_idle"));
    assertEquals(tomorrow.toString(), state.getString("resumes_at"));
    assertEquals(tomorrow.toString(), state.getJsonObject("next_window").getString("starts_at"));
    assertEquals(List.of(), bots.sends(chat), "the model received nothing outside active hours");
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM delivery_record WHERE account_id = ?", tenant.account()));

    String todayToo = ScheduledBots.day(today.getDayOfWeek()) + " 00:00-24:00; " + tomorrowOnly;
    bots.putConfig(
        tenant.token(),
        ScheduledBots.config(List.of(chat), 1, ScheduledBots.schedule(zone.getId(), todayToo)));

    Poll.until(
        "posts inside the window", Duration.ofSeconds(20), () -> bots.sends(chat).size() >= 2);
    assertTrue(!bots.state(tenant.token()).containsKey("pause_reason"));
  }
}
