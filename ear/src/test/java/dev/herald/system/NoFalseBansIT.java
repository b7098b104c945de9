package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 14 on the running engine: a session that cannot send from here (not open on this node)
 * or is not logged in is parked UNAVAILABLE or NEEDS_LOGIN, shown so in {@code /admin/sessions}
 * with its reason, counted at {@code /metrics}, never banned; the bot goes on with its other
 * session. The sandbox answers for those sessions as the TDLib transport does.
 */
class NoFalseBansIT extends EngineSystemTest {

  @BeforeEach
  void emptyThePool() {
    fixtures.drainPool();
  }

  private static List<Long> sessionsOf(long account) {
    return List.of(
        fixtures.count(
            "SELECT min(id) FROM telegram_session WHERE assigned_account_id = ?", account),
        fixtures.count(
            "SELECT max(id) FROM telegram_session WHERE assigned_account_id = ?", account));
  }

  private static String state(long session) {
    return fixtures.string("SELECT state FROM telegram_session WHERE id = ?", session);
  }

  private static long delivered(long account, long session) {
    return fixtures.count(
        "SELECT count(*) FROM delivery_record WHERE account_id = ? AND sender_kind = 'SESSION'"
            + " AND sender_id = ? AND outcome = 'DELIVERED'",
        account,
        session);
  }

  private static long bans(long account) {
    return fixtures.count(
        "SELECT count(*) FROM activity_log WHERE account_id = ? AND event = 'SESSION_BANNED'",
        account);
  }

  /** JSON-B leaves null fields out. */
  private static boolean absent(JsonObject view, String field) {
    return !view.containsKey(field) || view.isNull(field);
  }

  /** The session as {@code GET /admin/sessions?state=...} lists it. */
  private static JsonObject listed(String state, long session) {
    var page =
        api.get("/api/v1/admin/sessions?state=" + state + "&limit=200")
            .token(fixtures.adminToken())
            .send()
            .json();
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(item -> item.getJsonNumber("id").longValue() == session)
        .findFirst()
        .orElseThrow(() -> new AssertionError("session " + session + " not listed as " + state));
  }

  @Test
  void aSessionNotOpenHereIsUnavailableNotBannedAndComesBackWhileTheOtherPosts() {
    ActiveTenant tenant = runningTenant("unavailable", 2, 2, "@nfb_u1", "@nfb_u2");
    List<Long> sessions = sessionsOf(tenant.account());
    long parked = sessions.get(0);
    long other = sessions.get(1);
    fixtures.sandboxFaults(JsonBody.of("unavailable_sessions", List.of(parked)));

    Poll.until(
        "the session parked UNAVAILABLE",
        Duration.ofSeconds(15),
        () -> "UNAVAILABLE".equals(state(parked)));
    long before = delivered(tenant.account(), other);
    Poll.until(
        "the other session posts on",
        Duration.ofSeconds(15),
        () -> delivered(tenant.account(), other) >= before + 2);

    JsonObject view = listed("UNAVAILABLE", parked);
    assertTrue(view.getString("state_reason").contains("not open"), view::toString);
    assertNotNull(view.getString("state_since"));
    assertEquals(
        tenant.account(), view.getJsonNumber("assigned_account_id").longValue(), "keeps its place");
    assertTrue(absent(view, "ban_reason"), view::toString);
    assertEquals(0, bans(tenant.account()));
    var bot = api.get("/api/v1/bot/state").token(tenant.token()).send().json();
    assertEquals("RUNNING", bot.getString("status"));
    assertFalse(bot.getBoolean("is_idle"), bot::toString);
    String metrics = api.get("/metrics?scope=application").send().body();
    assertTrue(
        metrics.contains("herald_sessions_parked_total{")
            && metrics.contains("state=\"UNAVAILABLE\""),
        "the parked session is counted");

    fixtures.noSandboxFaults(); // the transport can open it again
    Poll.until(
        "the session back among the senders after its back-off",
        Duration.ofSeconds(60),
        () -> "ASSIGNED".equals(state(parked)) && delivered(tenant.account(), parked) > 0);
    assertEquals(0, bans(tenant.account()));
  }

  @Test
  void theGroupsASessionParkedMidShareLeavesArePostedByTheOtherInTheSameCycle() {
    long pair = fixtures.apiPair(7);
    long parked = fixtures.session(pair);
    long other = fixtures.session(pair);
    String subject = Tokens.newSubject("midshare");
    String token = tokens.tenant(subject);
    long account = fixtures.activeAccount(token, subject, 2);
    fixtures.completeConfig(token, "@nfb_m1", "@nfb_m2", "@nfb_m3", "@nfb_m4");
    // Not open on this node from the start: its first post of the first cycle is refused before
    // anything is sent.
    fixtures.sandboxFaults(JsonBody.of("unavailable_sessions", List.of(parked)));
    fixtures.startBot(token);

    Poll.until(
        "the first cycle over",
        Duration.ofSeconds(30),
        () ->
            fixtures.count(
                    "SELECT count(*) FROM bot WHERE account_id = ? AND cycle_id > (SELECT"
                        + " min(cycle_id) FROM delivery_record WHERE account_id = ?)",
                    account,
                    account)
                > 0);
    long first =
        fixtures.count("SELECT min(cycle_id) FROM delivery_record WHERE account_id = ?", account);
    String outcomes =
        fixtures.string(
            "SELECT string_agg(sender_id || ' ' || outcome || coalesce(' after ' || retried_after,"
                + " ''), ', ' ORDER BY outcome, sender_id, retried_after)"
                + " FROM delivery_record WHERE account_id = ? AND cycle_id = ?",
            account,
            first);
    assertEquals(
        other
            + " DELIVERED after SENDER_UNAVAILABLE, "
            + other
            + " DELIVERED, "
            + other
            + " DELIVERED, "
            + other
            + " DELIVERED",
        outcomes,
        "every group in the first cycle, by the other session: the parked one sent nothing, so"
            + " the group it was refused in went to the other too");
    assertEquals(0, fixtures.duplicatePosts(account), "no group got the cycle's post twice");
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM activity_log WHERE account_id = ? AND event IN"
                + " ('CYCLE_COMPLETED', 'CYCLE_FAILURES') AND message LIKE ?",
            account,
            "cycle " + first + ":%"),
        "one entry for the cycle, its two runs counted together");
    assertEquals(0, bans(account));
  }

  @Test
  void aSessionWaitingForItsLoginNeedsLoginIsReplacedNotBannedAndLogsInAgain() {
    ActiveTenant tenant = runningTenant("needslogin", 2, 2, "@nfb_n1", "@nfb_n2");
    List<Long> sessions = sessionsOf(tenant.account());
    long parked = sessions.get(0);
    long spare = fixtures.session(fixtures.apiPair(7));
    fixtures.sandboxFaults(JsonBody.of("needs_login_sessions", List.of(parked)));

    Poll.until(
        "the session parked NEEDS_LOGIN",
        Duration.ofSeconds(15),
        () -> "NEEDS_LOGIN".equals(state(parked)));
    Poll.until(
        "the spare takes its place and posts",
        Duration.ofSeconds(15),
        () -> delivered(tenant.account(), spare) > 0);

    JsonObject view = listed("NEEDS_LOGIN", parked);
    assertTrue(view.getString("state_reason").contains("WaitCode"), view::toString);
    assertTrue(absent(view, "assigned_account_id"), view::toString);
    assertTrue(absent(view, "ban_reason"), view::toString);
    assertEquals(0, bans(tenant.account()));
    assertEquals(
        "RUNNING",
        fixtures.string("SELECT status FROM bot WHERE account_id = ?", tenant.account()));

    fixtures.noSandboxFaults();
    Api.Reply login =
        api.post("/api/v1/admin/sessions/" + parked + "/login", "")
            .token(fixtures.adminToken())
            .send();
    assertEquals(200, login.status(), login::toString);
    assertEquals("UNUSED", login.json().getString("state"), "logged in: back in the pool");
    assertNull(fixtures.string("SELECT ban_reason FROM telegram_session WHERE id = ?", parked));
  }

  @Test
  void aBotWhoseEverySessionIsParkedIsIdleWithAReasonAndNothingIsBanned() {
    ActiveTenant tenant = runningTenant("allparked", 1, 1, "@nfb_all");
    long only = sessionsOf(tenant.account()).get(0);
    fixtures.sandboxFaults(JsonBody.of("unavailable_sessions", List.of(only)));

    Poll.until(
        "idle with a reason",
        Duration.ofSeconds(15),
        () -> {
          String reason =
              fixtures.string(
                  "SELECT last_error_reason FROM bot WHERE account_id = ?", tenant.account());
          return reason != null && reason.contains("unavailable");
        });
    assertEquals("UNAVAILABLE", state(only));
    assertEquals(0, bans(tenant.account()));
    stateShowing(tenant.token(), "idle", bot -> bot.getBoolean("is_idle"));
  }
}
