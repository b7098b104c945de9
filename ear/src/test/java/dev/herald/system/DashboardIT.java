package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dashboard reads: counters, the activity log by cursor, and the one-call sync state. */
class DashboardIT extends TenantSystemTest {

  @Test
  void statsLogsAndSyncStateShowWhatTheBotDid() {
    fixtures.noSandboxFaults();
    ActiveTenant tenant = runningTenant("dashboard", 1, 1, "@dashboard_group");
    Poll.until(
        "three cycles",
        Duration.ofSeconds(20),
        () ->
            fixtures.count(
                    "SELECT count(*) FROM activity_log WHERE account_id = ?", tenant.account())
                >= 3);

    JsonObject stats = api.get("/api/v1/bot/stats").token(tenant.token()).send().json();
    assertTrue(stats.getJsonNumber("total_success").longValue() >= 3, stats::toString);

    JsonObject first = api.get("/api/v1/bot/logs?limit=2").token(tenant.token()).send().json();
    assertEquals(2, first.getJsonArray("items").size());
    String cursor = first.getString("next_cursor");
    JsonObject older =
        api.get("/api/v1/bot/logs?limit=2&cursor=" + cursor).token(tenant.token()).send().json();
    long newestOfOlder =
        older.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    long oldestOfFirst =
        first.getJsonArray("items").getJsonObject(1).getJsonNumber("id").longValue();
    assertTrue(newestOfOlder < oldestOfFirst);

    JsonObject sync = api.get("/api/v1/sync/state").token(tenant.token()).send().json();
    assertEquals("RUNNING", sync.getJsonObject("state").getString("status"));
    assertEquals(
        "@dashboard_group",
        sync.getJsonObject("config").getJsonArray("target_groups").getString(0));
    assertTrue(sync.getJsonObject("recent_logs").getJsonArray("items").size() >= 3);
    api.post("/api/v1/bot/stop", "").token(tenant.token()).send();
  }

  /**
   * Stats, activity and delivery rows carry no foreign key (V23: the engine writes them in bulk for
   * bots it holds locked); deleting an account still deletes them, and only them.
   */
  @Test
  void deletingAnAccountDeletesItsStatsActivityAndDeliveries() {
    String goneSubject = Tokens.newSubject("deleted");
    String keptSubject = Tokens.newSubject("kept");
    long gone = fixtures.activeAccount(tokens.tenant(goneSubject), goneSubject, 1);
    long kept = fixtures.activeAccount(tokens.tenant(keptSubject), keptSubject, 1);
    for (long account : new long[] {gone, kept}) {
      fixtures.sql("INSERT INTO bot_stats (account_id, total_posts) VALUES (?, 1)", account);
      fixtures.sql(
          "INSERT INTO activity_log (account_id, event, created_at) VALUES (?, 'CYCLE_END', now())",
          account);
      fixtures.sql(
          "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
              + " outcome, started_at) VALUES (?, 1, '@history', 'SESSION', 1, 'DELIVERED', now())",
          account);
    }
    fixtures.sql("DELETE FROM account WHERE id = ?", gone);
    for (String table : new String[] {"bot_stats", "activity_log", "delivery_record"}) {
      assertEquals(
          0,
          fixtures.count("SELECT count(*) FROM " + table + " WHERE account_id = ?", gone),
          table);
      assertEquals(
          1,
          fixtures.count("SELECT count(*) FROM " + table + " WHERE account_id = ?", kept),
          table);
    }
  }

  @Test
  void aBadCursorIs400NotAnotherTenantsLog() {
    String token = tokens.tenant(Tokens.newSubject("cursor"));
    Api.Reply reply = api.get("/api/v1/bot/logs?cursor=abc").token(token).send();
    assertEquals(400, reply.status());
    assertEquals("https://herald.dev/problems/invalid-input", reply.json().getString("type"));
  }
}
