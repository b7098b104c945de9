package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.launcher.Api;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node's state cache (issue 17): a dashboard's poll of {@code GET /bot/state} is answered from
 * memory while nothing it shows changed; the database's announcement of a change makes the next
 * poll read it, and a tenant's or an admin's own change shows in the very next poll on this node.
 */
class StateCacheIT extends TenantSystemTest {

  private static String lastError(JsonObject state) {
    return state.getString("last_error_reason", null);
  }

  /**
   * A change the database does not announce: the bot row's trigger skips the engine's flush
   * transactions (which announce their own rows), and this statement marks its transaction so.
   */
  private static void unannounced(long account, String lastError) {
    fixtures.sql(
        "UPDATE bot SET last_error_reason = ? WHERE account_id = ?"
            + " AND set_config('herald.flush', 'on', true) = 'on'",
        lastError,
        account);
  }

  @Test
  void aPollIsAnsweredFromMemoryUntilTheChangeIsAnnounced() {
    ActiveTenant tenant = activeTenant("cache-memory", 1);
    fixtures.completeConfig(tenant.token(), "@cache_memory");
    // Twenty polls in a row answered from memory: none reads the database's newer row.
    String hidden = hiddenChange(tenant, 20);

    // What the database would announce of such a change reaches this node's listener.
    fixtures.string(
        "SELECT 'announced' FROM (SELECT pg_notify('herald_events', 'state:' || ?)) n",
        tenant.account());
    stateShowing(tenant.token(), "the announced change", s -> hidden.equals(lastError(s)));

    // An ordinary write outside the API is announced by its trigger (V92), as another node's is.
    fixtures.sql(
        "UPDATE bot SET last_error_reason = 'announced by the trigger' WHERE account_id = ?",
        tenant.account());
    stateShowing(
        tenant.token(),
        "the trigger's announcement",
        s -> "announced by the trigger".equals(lastError(s)));
  }

  /**
   * Read-your-writes on this node: each configuration saved shows in the poll right after it, with
   * no wait, twenty times over (the cache holds the state before each save).
   */
  @Test
  void aTenantsOwnChangeShowsInTheirNextPoll() {
    ActiveTenant tenant = activeTenant("cache-own", 1);
    DayOfWeek today = LocalDate.now(ZoneOffset.UTC).getDayOfWeek();
    String allDay = ScheduledBots.day(today) + " 00:00-24:00";
    for (int i = 0; i < 20; i++) {
      boolean withHours = i % 2 == 0;
      botState(tenant.token()); // the state before the save is cached
      putConfig(tenant.token(), withHours ? allDay : "");
      JsonObject state = botState(tenant.token());
      assertEquals(withHours, state.containsKey("next_window"), "save " + i + ": " + state);
    }
  }

  /**
   * The announcement of a tenant's own save usually arrives before their next poll, but not surely:
   * the node forgets the caller's state itself when their write ends. Shown with a save that
   * announces nothing (the same configuration again) after a change nobody announced.
   */
  @Test
  void aTenantsWriteForgetsTheirStateWithoutWaitingForTheAnnouncement() {
    ActiveTenant tenant = activeTenant("cache-forget", 1);
    putConfig(tenant.token(), "");
    String hidden = hiddenChange(tenant);

    putConfig(tenant.token(), "");

    assertEquals(hidden, lastError(botState(tenant.token())), "the poll right after the write");
  }

  /**
   * An admin's write may touch any account: the node forgets every state when it ends (shown with
   * one that changes no state and announces nothing), and a plan change shows at once.
   */
  @Test
  void anAdminsWriteForgetsEveryState() {
    ActiveTenant tenant = activeTenant("cache-admin", 1);
    fixtures.completeConfig(tenant.token(), "@cache_admin_a", "@cache_admin_b");
    String hidden = hiddenChange(tenant);

    Api.Reply codes =
        api.post(
                "/api/v1/admin/access-codes",
                JsonBody.of("plan", JsonBody.object("status", "ACTIVE")))
            .token(fixtures.adminToken())
            .send();
    assertEquals(201, codes.status(), codes::toString);
    assertEquals(
        hidden, lastError(botState(tenant.token())), "the poll right after the admin's write");

    setMaxGroups(tenant.account(), 1);
    assertFalse(
        botState(tenant.token()).getJsonArray("plan_cuts").isEmpty(), "the new plan cuts at once");
  }

  private static String hiddenChange(ActiveTenant tenant) {
    return hiddenChange(tenant, 1);
  }

  /**
   * A change nobody announces, made while the tenant's state is cached: the cache keeps answering
   * the state before it for {@code polls} polls in a row. Retried with a new change until that
   * holds: the node trusts its listener only a moment after it starts, and an announcement of the
   * test's own setup (its account, its configuration) may still arrive late and rightly empty the
   * entry.
   */
  private static String hiddenChange(ActiveTenant tenant, int polls) {
    String[] hidden = new String[1];
    int[] attempt = {0};
    Poll.until(
        polls + " polls answered from the node's memory",
        Duration.ofSeconds(20),
        () -> {
          botState(tenant.token());
          hidden[0] = "unannounced change " + ++attempt[0];
          unannounced(tenant.account(), hidden[0]);
          for (int i = 0; i < polls; i++) {
            if (hidden[0].equals(lastError(botState(tenant.token())))) {
              return false;
            }
          }
          return true;
        });
    return hidden[0];
  }

  private static void setMaxGroups(long account, int maxGroups) {
    Api.Reply plan =
        api.put(
                "/api/v1/admin/accounts/" + account + "/plan",
                JsonBody.of("status", "ACTIVE", "limits", JsonBody.object("max_groups", maxGroups)))
            .token(fixtures.adminToken())
            .send();
    assertEquals(200, plan.status(), plan::toString);
  }

  private static void putConfig(String token, String activeHours) {
    Api.Reply reply =
        api.put(
                "/api/v1/bot/config",
                ScheduledBots.config(
                    List.of("@cache_own"), 1, ScheduledBots.schedule("UTC", activeHours)))
            .token(token)
            .send();
    assertEquals(200, reply.status(), reply::toString);
  }
}
