package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC rules 4, 6, 7, 8, 9 and 10 on the running engine, with sandbox fault injection. */
class ForwardingEngineIT extends EngineSystemTest {

  /** The sessions {@code GET /admin/sessions?state=...} lists, by id, every page read. */
  private static Map<Long, JsonObject> listedAs(String state) {
    Map<Long, JsonObject> listed = new HashMap<>();
    String cursor = null;
    do {
      Api.Reply page =
          api.get(
                  "/api/v1/admin/sessions?state="
                      + state
                      + "&limit=100"
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .token(fixtures.adminToken())
              .send();
      assertEquals(200, page.status(), page::toString);
      for (JsonObject s : page.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
        listed.put(s.getJsonNumber("id").longValue(), s);
      }
      cursor = page.json().getString("next_cursor", null);
    } while (cursor != null);
    return listed;
  }

  private static long deliveries(long account, String outcome) {
    return fixtures.count(
        "SELECT count(*) FROM delivery_record WHERE account_id = ? AND outcome = ?",
        account,
        outcome);
  }

  @Test
  void everyDueCycleRunsAndPostsEachChatOncePerCycle() {
    ActiveTenant tenant = runningTenant("engine", 2, 2, "@engine_a", "@engine_b", "@engine_c");
    Poll.until(
        "three cycles",
        Duration.ofSeconds(20),
        () ->
            fixtures.count(
                    "SELECT count(DISTINCT cycle_id) FROM delivery_record WHERE account_id = ?",
                    tenant.account())
                >= 3);
    assertEquals(
        0, fixtures.duplicatePosts(tenant.account()), "sends of one (cycle, chat) in the send log");
    assertTrue(
        fixtures.count("SELECT total_success FROM bot_stats WHERE account_id = ?", tenant.account())
            >= 6);
    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM delivery_record WHERE account_id = ? AND outcome <> 'DELIVERED'"
                + " AND outcome <> 'SENDING'",
            tenant.account()));
  }

  @Test
  void planExpiryStopsARunningBotWithinOneSecond() {
    ActiveTenant tenant = runningTenant("expiry", 1, 1, "@expiry_group");
    fixtures.sql(
        "UPDATE account SET plan_expires_at = now() + interval '2 seconds' WHERE id = ?",
        tenant.account());
    Poll.until(
        "bot stopped by plan expiry",
        Duration.ofSeconds(10),
        () -> !"RUNNING".equals(fixtures.botStatus(tenant.account())));
    long lagMs =
        fixtures.count(
            "SELECT (extract(epoch FROM l.created_at - a.plan_expires_at) * 1000)::bigint FROM"
                + " activity_log l JOIN account a ON a.id = l.account_id WHERE l.account_id = ? AND"
                + " l.event = 'AUTO_STOPPED'",
            tenant.account());
    assertTrue(lagMs >= 0 && lagMs < 1000, "stopped " + lagMs + " ms after expiry");
    assertEquals("PLAN_EXPIRED", fixtures.stopReason(tenant.account()));
    stateShowing(
        tenant.token(),
        "the plan's expiry as the stop reason",
        state -> "PLAN_EXPIRED".equals(state.getString("stop_reason", null)));
  }

  @Test
  void planBecomingInactiveStopsTheBotWithItsReason() {
    ActiveTenant tenant = runningTenant("inactive", 1, 1, "@inactive_group");
    fixtures.sql("UPDATE account SET plan_status = 'INACTIVE' WHERE id = ?", tenant.account());
    Poll.until(
        "bot stopped",
        Duration.ofSeconds(30),
        () -> "PLAN_INACTIVE".equals(fixtures.stopReason(tenant.account())));
  }

  @Test
  void floodWaitCoolsDownOnlyThatSessionForTheTimeAsked() {
    String subjectA = Tokens.newSubject("flooded");
    String tokenA = tokens.tenant(subjectA);
    fixtures.sandboxFaults(JsonBody.of("flood_wait_every", 1, "flood_wait_seconds", 60));
    long flooded = fixtures.runningBot(tokenA, subjectA, 1, 1, "@flood_group");
    // A post's outcome is flushed as it finishes; the bot's stats when its cycle completes.
    Poll.until(
        "a flood wait in the bot's stats",
        Duration.ofSeconds(10),
        () ->
            fixtures.count(
                    "SELECT count(*) FROM bot_stats WHERE account_id = ? AND total_flood_waits > 0",
                    flooded)
                > 0);
    fixtures.noSandboxFaults();
    assertEquals(1, deliveries(flooded, "FLOOD_WAIT"));
    long coolDownSeconds =
        fixtures.count(
            "SELECT extract(epoch FROM flood_wait_until - now())::bigint FROM telegram_session"
                + " WHERE assigned_account_id = ?",
            flooded);
    assertTrue(
        coolDownSeconds > 50 && coolDownSeconds <= 60, "cools down for " + coolDownSeconds + " s");
    assertEquals(
        1, fixtures.count("SELECT total_flood_waits FROM bot_stats WHERE account_id = ?", flooded));
    // Admins see it cooling down (the column keeps ASSIGNED), and find it by that state.
    long session =
        fixtures.count("SELECT id FROM telegram_session WHERE assigned_account_id = ?", flooded);
    JsonObject cooling = listedAs("COOLING_DOWN").get(session);
    assertNotNull(cooling, "listed as COOLING_DOWN");
    assertEquals("COOLING_DOWN", cooling.getString("state"), cooling::toString);
    assertNotNull(cooling.getString("flood_wait_until"), cooling::toString);
    assertTrue(!listedAs("ASSIGNED").containsKey(session), "not listed as ASSIGNED meanwhile");

    String subjectB = Tokens.newSubject("unaffected");
    String tokenB = tokens.tenant(subjectB);
    long other = fixtures.runningBot(tokenB, subjectB, 1, 1, "@other_group");
    Poll.until(
        "the other account posts",
        Duration.ofSeconds(10),
        () -> deliveries(other, "DELIVERED") >= 2);
    assertEquals(
        1,
        fixtures.count("SELECT count(*) FROM delivery_record WHERE account_id = ?", flooded),
        "the cooling session must not post again before its wait is over");
  }

  @Test
  void aBannedSessionLeavesTheAccountAndIsReplacedFromThePool() {
    fixtures.drainPool();
    ActiveTenant tenant = runningTenant("banned", 1, 1, "@ban_group");
    long first =
        fixtures.count(
            "SELECT id FROM telegram_session WHERE assigned_account_id = ?", tenant.account());
    long spare = fixtures.session(fixtures.apiPair(7));
    fixtures.sandboxFaults(JsonBody.of("ban_probability", 1.0));
    Poll.until(
        "the first session banned",
        Duration.ofSeconds(10),
        () ->
            "BANNED"
                .equals(fixtures.string("SELECT state FROM telegram_session WHERE id = ?", first)));
    fixtures.noSandboxFaults();

    assertEquals(
        0,
        fixtures.count(
            "SELECT count(*) FROM telegram_session WHERE id = ? AND assigned_account_id IS NOT"
                + " NULL",
            first));
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM activity_log WHERE account_id = ? AND event = 'SESSION_REPLACED'"
                + " AND message = ?",
            tenant.account(),
            "session " + spare + " replaces session " + first));
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM activity_log WHERE account_id = ? AND event = 'SESSION_BANNED'"
                + " AND message = ?",
            tenant.account(),
            "session " + first + " banned"),
        "the ban of the first session is logged once");
  }

  @Test
  void withNoSessionLeftTheBotIsIdleAndSaysWhy() {
    fixtures.drainPool();
    ActiveTenant tenant = runningTenant("idle", 1, 1, "@idle_group");
    fixtures.sandboxFaults(JsonBody.of("ban_probability", 1.0));
    Poll.until(
        "idle with a reason",
        Duration.ofSeconds(10),
        () ->
            fixtures.string(
                    "SELECT last_error_reason FROM bot WHERE account_id = ?", tenant.account())
                != null);
    fixtures.noSandboxFaults();
    var state =
        stateShowing(
            tenant.token(), "the last error", s -> s.getString("last_error_reason", null) != null);
    assertEquals("RUNNING", state.getString("status"));
    assertTrue(state.getBoolean("is_idle"), state::toString);
    assertNotNull(state.getString("last_error_reason"));
  }

  @Test
  void stopIsGracefulAndNoPostStartsAfterItIsAcknowledged() {
    fixtures.sandboxFaults(JsonBody.of("latency_ms", 1500));
    ActiveTenant tenant =
        runningTenant("graceful", 1, 1, "@graceful_a", "@graceful_b", "@graceful_c");
    Poll.until(
        "a post in flight",
        Duration.ofSeconds(10),
        () -> deliveries(tenant.account(), "SENDING") == 1);

    Api.Reply stop = api.post("/api/v1/bot/stop", "").token(tenant.token()).send();
    assertEquals(200, stop.status());
    assertEquals("STOPPING", stop.json().getString("status"));
    Poll.until(
        "STOPPED once the post in flight finished",
        Duration.ofSeconds(10),
        () -> "STOPPED".equals(fixtures.botStatus(tenant.account())));
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM delivery_record WHERE account_id = ?", tenant.account()),
        "no post may start after the stop was acknowledged");
    assertEquals(1, deliveries(tenant.account(), "DELIVERED"), "the post in flight finishes");
  }

  /**
   * The plan's max_sessions caps the posts in flight, not only the sessions an account holds: the
   * account keeps its 3 sessions after a downgrade to 2, so only the cap keeps a third post back.
   */
  @Test
  void anAccountHasAtMostMaxSessionsPostsInFlight() {
    fixtures.sandboxFaults(JsonBody.of("latency_ms", 400));
    ActiveTenant tenant =
        runningTenant(
            "inflight",
            3,
            3,
            "@inflight_a",
            "@inflight_b",
            "@inflight_c",
            "@inflight_d",
            "@inflight_e",
            "@inflight_f");
    assertEquals(3, fixtures.assignedSessions(tenant.account()));
    fixtures.sql("UPDATE account SET max_sessions = 2 WHERE id = ?", tenant.account());
    // A cycle claimed before the downgrade may still run with the old cap: count from the next.
    long firstCapped =
        fixtures.count(
                "SELECT coalesce(max(cycle_id), 0) FROM delivery_record WHERE account_id = ?",
                tenant.account())
            + 2;
    Poll.until(
        "a full cycle after the downgrade",
        Duration.ofSeconds(20),
        () ->
            fixtures.count(
                    "SELECT count(*) FROM delivery_record WHERE account_id = ? AND cycle_id = ?"
                        + " AND outcome = 'DELIVERED'",
                    tenant.account(),
                    firstCapped)
                == 6);
    assertEquals(
        3,
        fixtures.assignedSessions(tenant.account()),
        "the downgrade takes no session away, so the cap alone limits the posts");
    long maxOverlap =
        fixtures.count(
            "SELECT max(c) FROM (SELECT (SELECT count(*) FROM delivery_record o WHERE o.account_id"
                + " = d.account_id AND o.cycle_id >= ? AND o.started_at <= d.started_at AND"
                + " coalesce(o.finished_at, now()) > d.started_at) AS c FROM delivery_record d"
                + " WHERE d.account_id = ? AND d.cycle_id >= ?) x",
            firstCapped,
            tenant.account(),
            firstCapped);
    assertEquals(2, maxOverlap, "posts in flight at once, with 3 sessions and max_sessions 2");
  }

  @Test
  void aTakenOverCycleNeverResendsAChatThatMayHaveBeenSent() {
    ActiveTenant tenant = runningTenant("takeover", 1, 1, "@takeover_a", "@takeover_b");
    api.post("/api/v1/bot/stop", "").token(tenant.token()).send();
    Poll.until(
        "stopped",
        Duration.ofSeconds(10),
        () -> "STOPPED".equals(fixtures.botStatus(tenant.account())));
    long session =
        fixtures.count(
            "SELECT id FROM telegram_session WHERE assigned_account_id = ?", tenant.account());
    // A dead node had leased cycle 7 and started posting to @takeover_a when it died.
    fixtures.sql(
        "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
            + " outcome, started_at) VALUES (?, 7, '@takeover_a', 'SESSION', ?, 'SENDING', now())",
        tenant.account(),
        session);
    fixtures.sql(
        "UPDATE bot SET status = 'RUNNING', stop_reason = NULL, next_run_at = now(), cycle_id = 7,"
            + " lease_owner = 'dead-node', lease_until = now() + interval '1 second' WHERE"
            + " account_id = ?",
        tenant.account());

    Poll.until(
        "cycle 7 taken over and completed",
        Duration.ofSeconds(15),
        () -> fixtures.botCycle(tenant.account()) >= 8);
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM delivery_record WHERE account_id = ? AND cycle_id = 7 AND"
                + " chat_ref = '@takeover_a'",
            tenant.account()));
    assertEquals(
        "SENDING",
        fixtures.string(
            "SELECT outcome FROM delivery_record WHERE account_id = ? AND cycle_id = 7 AND chat_ref"
                + " = '@takeover_a'",
            tenant.account()));
    assertEquals(
        "DELIVERED",
        fixtures.string(
            "SELECT outcome FROM delivery_record WHERE account_id = ? AND cycle_id = 7 AND chat_ref"
                + " = '@takeover_b'",
            tenant.account()));
  }
}
