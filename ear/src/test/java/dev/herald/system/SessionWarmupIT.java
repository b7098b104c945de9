package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5 on the running server: a warming session (its budgets written as a session added
 * under {@code herald.sessions.warmup-posts-per-hour=2} would have them) stops posting at its
 * hour's budget while its bot keeps running, even in the middle of a cycle (2 posts an hour, 3
 * groups), shows its warm-up in {@code GET /admin/sessions}, and posts again once the hour is over
 * (the counted hour moved back by hand).
 */
class SessionWarmupIT extends TenantSystemTest {

  @BeforeEach
  void onlyThisTestsBotRuns() {
    fixtures.stopAllBots();
    fixtures.drainPool();
  }

  @AfterEach
  void stop() {
    fixtures.stopAllBots();
  }

  @Test
  void aWarmingSessionStopsAtItsHourlyBudgetAndResumesTheNextHour() {
    long session = fixtures.session(fixtures.apiPair(7));
    fixtures.sql(
        "INSERT INTO session_warmup (session_id, started_at, budgets) VALUES (?, now(), '{2}')",
        session);
    ActiveTenant tenant = activeTenant("warmup", 1);
    fixtures.completeConfig(tenant.token(), "@warmup_one", "@warmup_two", "@warmup_three");
    fixtures.startBot(tenant.token());

    Poll.until(
        "the session used its budget for the hour",
        Duration.ofSeconds(30),
        () ->
            fixtures.count(
                    "SELECT count(*) FROM session_warmup WHERE session_id = ? AND paused_until >"
                        + " now()",
                    session)
                == 1);
    // The hour's posts are counted once a later cycle found no session: by then no cycle that
    // could still post this hour is in flight.
    Poll.until(
        "a later cycle finds no usable session",
        Duration.ofSeconds(30),
        () -> String.valueOf(lastError(tenant.account())).contains("No usable session"));
    long posted = posts(session);
    long sent = sent(session);
    long cycle = fixtures.botCycle(tenant.account());
    Poll.until(
        "two more cycles ran (one a second)",
        Duration.ofSeconds(30),
        () -> fixtures.botCycle(tenant.account()) >= cycle + 2);
    assertEquals(posted, posts(session), "nothing more this hour");
    // What the transport received, not only the rows: every started post was sent, and no more.
    assertEquals(sent, sent(session), "nothing more reached the transport this hour");
    assertEquals(posted, sent, "each started post reached the transport once");
    assertEquals(2, posted, "exactly the hour's budget, though the cycle had 3 groups");
    assertEquals("RUNNING", fixtures.botStatus(tenant.account()));

    JsonObject warmup = listed(session).getJsonObject("warmup");
    assertEquals(1, warmup.getInt("age_day"), warmup::toString);
    assertEquals(2, warmup.getInt("posts_per_hour"), warmup::toString);
    assertEquals(posted, warmup.getInt("posts_this_hour"), warmup::toString);
    assertTrue(warmup.containsKey("paused_until"), warmup::toString);

    fixtures.sql(
        "UPDATE session_warmup SET hour = hour - interval '1 hour', paused_until = paused_until -"
            + " interval '1 hour' WHERE session_id = ?",
        session);
    Poll.until(
        "the session posts again in a new hour",
        Duration.ofSeconds(30),
        () -> posts(session) > posted);
  }

  private static long posts(long session) {
    return fixtures.count(
        "SELECT count(*) FROM delivery_record WHERE sender_kind = 'SESSION' AND sender_id = ?",
        session);
  }

  /** The sends of the session that reached the sandbox's transport (its send log). */
  private static long sent(long session) {
    return fixtures.sendLog().sends().stream()
        .filter(send -> send.sender().equals("session:" + session))
        .count();
  }

  private static String lastError(long account) {
    return fixtures.string("SELECT last_error_reason FROM bot WHERE account_id = ?", account);
  }

  /** The session as {@code GET /admin/sessions} lists it, paging until it is found. */
  static JsonObject listed(long session) {
    String cursor = null;
    do {
      Api.Reply page =
          api.get("/api/v1/admin/sessions?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
              .token(fixtures.adminToken())
              .send();
      assertEquals(200, page.status(), page::toString);
      for (JsonObject s : page.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
        if (s.getJsonNumber("id").longValue() == session) {
          return s;
        }
      }
      cursor = page.json().getString("next_cursor", null);
    } while (cursor != null);
    throw new AssertionError("session " + session + " is not listed");
  }
}
