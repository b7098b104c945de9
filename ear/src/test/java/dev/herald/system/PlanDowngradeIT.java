package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 18: a plan downgrade takes effect on a running bot at once: groups beyond the new
 * {@code max_groups} get nothing more, the delay between cycles rises to the new minimum, and the
 * tenant is told what was cut ({@code plan_cuts} in {@code /bot/state}, a {@code
 * PLAN_LIMITS_APPLIED} entry in the activity log). Asserted on what the sandbox's model received.
 * It reaches the cycle in flight too, and so does a new configuration.
 */
class PlanDowngradeIT extends ScheduledBotSystemTest {

  /** A plan's minimum delays that cut nothing of the tests' configurations. */
  private static final Object[] FAST = {
    "min_delay_between_posts_seconds", 0, "min_delay_between_cycles_seconds", 1
  };

  @Test
  void aPlanDowngradeCutsGroupsAndRaisesDelaysOnTheRunningBotAndSaysSo() {
    ActiveTenant tenant = activeTenant("downgrade", 1);
    String kept = ScheduledBots.chat("kept");
    List<String> cut = List.of(ScheduledBots.chat("cut"), ScheduledBots.chat("cut"));
    bots.start(
        tenant.token(),
        ScheduledBots.config(
            List.of(kept, cut.get(0), cut.get(1)), 1, ScheduledBots.schedule("UTC", "")));
    Poll.until("every group posted to", Duration.ofSeconds(20), () -> bots.sendCount(cut) >= 2);

    bots.setPlan(
        tenant.account(),
        "max_sessions",
        1,
        "max_groups",
        1,
        "min_delay_between_posts_seconds",
        0,
        "min_delay_between_cycles_seconds",
        3);

    // A cycle in flight at the change may still finish; the one after it is the new plan's.
    int keptBefore = bots.sends(kept).size();
    Poll.until(
        "a cycle under the new plan",
        Duration.ofSeconds(20),
        () -> bots.sends(kept).size() >= keptBefore + 2);
    int cutSoFar = bots.sendCount(cut);
    int keptSoFar = bots.sends(kept).size();
    Poll.until(
        "two more cycles", Duration.ofSeconds(30), () -> bots.sends(kept).size() >= keptSoFar + 2);
    assertEquals(cutSoFar, bots.sendCount(cut), "groups beyond max_groups received nothing more");
    List<Instant> keptSends = bots.sends(kept);
    Instant last = keptSends.get(keptSends.size() - 1);
    Instant previous = keptSends.get(keptSends.size() - 2);
    assertTrue(
        Duration.between(previous, last).toMillis() >= 2_900,
        "cycles at least the new minimum of 3 s apart: " + previous + " → " + last);

    List<String> cuts =
        bots.state(tenant.token()).getJsonArray("plan_cuts").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    assertEquals(2, cuts.size(), cuts::toString);
    assertTrue(cuts.get(0).contains("allows 1 target groups"), cuts::toString);
    assertTrue(cuts.get(1).contains("between cycles is raised from 1 to 3"), cuts::toString);
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM activity_log WHERE account_id = ? AND event ="
                + " 'PLAN_LIMITS_APPLIED'",
            tenant.account()));
  }

  /**
   * The plan's {@code max_sessions} applies at once too, not at the bot's next start: a downgrade
   * gives the sessions beyond back to the pool (and says so), an upgrade gives the running bot
   * more.
   */
  @Test
  void aLoweredMaxSessionsReturnsTheSessionsBeyondToThePoolAndARaiseAddsMore() {
    fixtures.drainPool();
    ActiveTenant tenant = activeTenant("sessions", 3);
    long pair = fixtures.apiPair(7);
    fixtures.session(pair);
    fixtures.session(pair); // bots.start adds the third
    String kept = ScheduledBots.chat("kept");
    bots.start(
        tenant.token(),
        ScheduledBots.config(
            List.of(kept, ScheduledBots.chat("more"), ScheduledBots.chat("more")),
            1,
            ScheduledBots.schedule("UTC", "")));
    assertEquals(3, fixtures.assignedSessions(tenant.account()));
    long first =
        fixtures.count(
            "SELECT min(id) FROM telegram_session WHERE assigned_account_id = ?", tenant.account());

    bots.setPlan(tenant.account(), "max_sessions", 1, FAST[0], FAST[1], FAST[2], FAST[3]);

    assertEquals(1, fixtures.assignedSessions(tenant.account()), "at once, not at the next start");
    assertEquals(
        first,
        fixtures.count(
            "SELECT id FROM telegram_session WHERE assigned_account_id = ?", tenant.account()),
        "the oldest of three that can all send is kept");
    assertEquals(
        2,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE id > ? AND id <= ? + 2 AND state ="
                + " 'UNUSED' AND assigned_account_id IS NULL",
            first,
            first),
        "the other two back in the pool for other accounts");
    assertEquals(
        "Plan changed: Your plan allows 1 session: 2 of yours went back to the pool.",
        fixtures.string(
            "SELECT message FROM activity_log WHERE account_id = ? AND event ="
                + " 'PLAN_LIMITS_APPLIED'",
            tenant.account()));
    int before = bots.sends(kept).size();
    Poll.until(
        "the bot posts on with the session it kept",
        Duration.ofSeconds(20),
        () -> bots.sends(kept).size() >= before + 2);
    List<JsonObject> received = bots.received(kept);
    assertEquals(
        "user#" + first,
        received.get(received.size() - 1).getString("sender"),
        "the last post came from the session kept");

    bots.setPlan(tenant.account(), "max_sessions", 2, FAST[0], FAST[1], FAST[2], FAST[3]);

    assertEquals(2, fixtures.assignedSessions(tenant.account()), "the running bot got one more");
  }

  /**
   * The change reaches the cycle in flight, not only the next one: with 10 s between posts, the
   * groups after the first are still to come when the plan cuts them, and they get nothing; the
   * cycle is handed back and continued under the new plan, with one activity entry.
   */
  @Test
  void aDowngradeReachesTheCycleInFlight() {
    ActiveTenant tenant = activeTenant("midcycle", 1);
    String kept = ScheduledBots.chat("kept");
    List<String> cut = List.of(ScheduledBots.chat("cut"), ScheduledBots.chat("cut"));
    bots.start(tenant.token(), tenSecondsApart(List.of(kept, cut.get(0), cut.get(1))));
    Poll.until("the first group posted", Duration.ofSeconds(20), () -> !bots.sends(kept).isEmpty());

    bots.setPlan(
        tenant.account(),
        "max_sessions",
        1,
        "max_groups",
        1,
        "min_delay_between_posts_seconds",
        0,
        "min_delay_between_cycles_seconds",
        1);

    Poll.until(
        "the next cycle, under the new plan",
        Duration.ofSeconds(30),
        () -> bots.sends(kept).size() >= 2);
    assertEquals(0, bots.sendCount(cut), "the groups cut in the cycle in flight got nothing");
    assertEquals(0, cyclesLoggedTwice(tenant.account()), "one entry per cycle");
  }

  /** A new configuration reaches the cycle in flight too: a group removed gets nothing more. */
  @Test
  void aGroupRemovedDuringACycleGetsNothingMore() {
    ActiveTenant tenant = activeTenant("removed", 1);
    String kept = ScheduledBots.chat("kept");
    String removed = ScheduledBots.chat("removed");
    bots.start(tenant.token(), tenSecondsApart(List.of(kept, removed)));
    Poll.until("the first group posted", Duration.ofSeconds(20), () -> !bots.sends(kept).isEmpty());

    bots.putConfig(tenant.token(), tenSecondsApart(List.of(kept)));

    Poll.until(
        "the next cycle, with the new groups",
        Duration.ofSeconds(30),
        () -> bots.sends(kept).size() >= 2);
    assertEquals(0, bots.sends(removed).size(), "the group removed mid-cycle got nothing");
    assertEquals(0, cyclesLoggedTwice(tenant.account()), "one entry per cycle");
  }

  /** One session's lane: the groups in order, 10 s apart; 1 s between cycles. */
  private static String tenSecondsApart(List<String> groups) {
    return JsonBody.of(
        "target_groups",
        groups,
        "post_text",
        "Fresh today",
        "delay_between_posts_seconds",
        10,
        "delay_between_cycles_seconds",
        1,
        "schedule",
        ScheduledBots.schedule("UTC", ""));
  }

  /** Cycles with more than one activity entry ("cycle 12: ..."). */
  private long cyclesLoggedTwice(long account) {
    return fixtures.count(
        "SELECT count(*) FROM (SELECT split_part(message, ':', 1) FROM activity_log WHERE"
            + " account_id = ? AND message LIKE 'cycle %' GROUP BY 1 HAVING count(*) > 1) twice",
        account);
  }
}
