package dev.herald.persistence.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.bot.BotConfig;
import dev.herald.domain.bot.BotStateRows;
import dev.herald.domain.bot.BotStatus;
import dev.herald.domain.bot.StopReason;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.schedule.ActiveHours;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.userbot.UserBotStatus;
import dev.herald.persistence.TestDatabase;
import dev.herald.persistence.TestRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot state's one statement ({@link JpaBotStateReads#STATE}) over real rows, run as a poll runs
 * it ({@link JpaBotStateReads#query}), and its rows read by position into {@link BotStateRows}
 * ({@link JpaBotStateReads#rowsOf}).
 */
class BotStateSqlTest {

  private final TestRows rows = new TestRows(TestDatabase.dataSource());
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @BeforeEach
  void clean() {
    TestDatabase.clean();
  }

  /** The statement's rows as a poll reads them. */
  private List<Object[]> raw(long account) throws SQLException {
    try (Connection c = TestDatabase.dataSource().getConnection()) {
      return JpaBotStateReads.query(c, account);
    }
  }

  private Optional<BotStateRows> read(long account) throws SQLException {
    return JpaBotStateReads.rowsOf(raw(account));
  }

  @Test
  void oneRowPerSessionInUseWithTheGroupsInTheirOrder() throws SQLException {
    long account = rows.bot(rows.account("ACTIVE", null), "RUNNING", now, "@herald_b,@herald_a");
    long pair = rows.apiPair(10);
    long cooling = rows.session(pair, "COOLING_DOWN", account, now.plusSeconds(60));
    long assigned = rows.session(pair, "ASSIGNED", account, null);
    rows.session(pair, "ASSIGNED", rows.account("ACTIVE", null), null);

    assertEquals(2, raw(account).size(), "one row per session in use");
    BotStateRows state = read(account).orElseThrow();

    BotStateRows.BotRow bot = state.bot().orElseThrow();
    assertEquals(BotStatus.RUNNING, bot.status());
    assertEquals(now, bot.nextRunAt());
    assertEquals(
        List.of("@herald_b", "@herald_a"),
        bot.config().targetGroups().stream().map(Object::toString).toList());
    assertEquals("hello", bot.config().postText());
    assertEquals(60, bot.config().delayBetweenCyclesSeconds());
    assertEquals(List.of(cooling, assigned), state.sessions().stream().map(s -> s.id()).toList());
    List<Object[]> reversed = new ArrayList<>(raw(account));
    Collections.reverse(reversed);
    assertEquals(
        List.of(cooling, assigned),
        JpaBotStateReads.rowsOf(reversed).orElseThrow().sessions().stream()
            .map(s -> s.id())
            .toList(),
        "sessions in id order whatever order the rows come in");
    BotStateRows.SessionRow first = state.sessions().get(0);
    assertEquals(SessionState.COOLING_DOWN, first.state());
    assertEquals(now.plusSeconds(60), first.floodWaitUntil());
    assertEquals("+44****12", first.phoneMasked());
    assertTrue(state.userBot().isEmpty());
  }

  @Test
  void theScheduleTheDailyCountTheLimitsAndTheUserBotComeFromTheirColumns() throws SQLException {
    long account = rows.bot(rows.account("ACTIVE", null), "STOPPED", null, "@herald_a");
    rows.update(
        "UPDATE bot SET stop_reason = 'PLAN_EXPIRED', last_error_reason = 'why', jitter_percent ="
            + " 20, time_zone = 'Europe/Berlin', active_hours = 'Mon-Fri 09:00-17:00',"
            + " min_group_interval_min = 15, posts_day = DATE '2026-11-29', posts_today = 42 WHERE"
            + " account_id = ?",
        account);
    rows.update(
        "INSERT INTO user_bot (account_id, token_encrypted, token_masked, username, verified,"
            + " verified_transport, status, rate_limit_rps, max_concurrent_requests, created_at,"
            + " updated_at) VALUES (?, 'x', '12:****', 'herald_bot', true, 'botapi', 'ACTIVE', 1,"
            + " 1, now(), now())",
        account);

    BotStateRows state = read(account).orElseThrow();

    BotStateRows.BotRow bot = state.bot().orElseThrow();
    assertEquals(StopReason.PLAN_EXPIRED, bot.stopReason());
    assertEquals("why", bot.lastErrorReason());
    assertNull(bot.nextRunAt());
    assertEquals(42, bot.postsOn(LocalDate.parse("2026-11-29")));
    assertEquals(0, bot.postsOn(LocalDate.parse("2026-11-30")));
    var schedule = bot.config().schedule();
    assertEquals(20, schedule.jitterPercent());
    assertEquals(ZoneId.of("Europe/Berlin"), schedule.zone());
    assertEquals(
        ActiveHours.parse("Mon-Fri 09:00-17:00").canonical(), schedule.activeHours().canonical());
    assertEquals(15, schedule.minGroupIntervalMinutes());
    assertEquals(new PlanLimits(3, 10, 0, 1, 1000), state.limits());
    BotStateRows.UserBotRow own = state.userBot().orElseThrow();
    assertEquals("herald_bot", own.username());
    assertEquals("12:****", own.tokenMasked());
    assertTrue(own.verified());
    assertEquals(UserBotStatus.ACTIVE, own.status());
    assertTrue(own.usableOn("botapi"));
    assertFalse(own.usableOn("sandbox"));
    assertTrue(state.sessions().isEmpty());
  }

  @Test
  void anAccountWithoutABotStillGetsItsOneRow() throws SQLException {
    long account = rows.account("ACTIVE", null);

    assertEquals(1, raw(account).size());
    BotStateRows state = read(account).orElseThrow();

    assertTrue(state.bot().isEmpty());
    assertTrue(state.userBot().isEmpty());
    assertTrue(state.sessions().isEmpty());
    assertEquals(new PlanLimits(3, 10, 0, 1, 1000), state.limits());
    assertEquals(BotConfig.empty(0, 1), BotStateRows.BotRow.empty(state.limits()).config());
    assertNull(rows.one("SELECT account_id FROM bot WHERE account_id = ?", account));
  }

  @Test
  void noAccountNoRow() throws SQLException {
    assertTrue(read(rows.account("ACTIVE", null) + 1000).isEmpty());
  }
}
