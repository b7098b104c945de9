package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The dashboard reads carry an ETag: asked again with it in If-None-Match they answer 304 with no
 * body while nothing changed, and a change gives a new tag and the new body.
 */
class ConditionalReadIT extends TenantSystemTest {

  private static final String[] READS = {
    "/api/v1/bot/state", "/api/v1/sync/state", "/api/v1/bot/config", "/api/v1/bot/stats"
  };

  @Test
  void anUnchangedReadIsNotModifiedAndAChangeGivesANewTag() {
    ActiveTenant tenant = activeTenant("etag", 1);
    fixtures.completeConfig(tenant.token(), "@etag_group");

    for (String read : READS) {
      Api.Reply first = api.get(read).token(tenant.token()).send();
      assertEquals(200, first.status(), read + ": " + first);
      String tag = first.header("ETag");
      assertNotNull(tag, read + " carries an ETag");

      Api.Reply again = api.get(read).token(tenant.token()).header("If-None-Match", tag).send();
      assertEquals(304, again.status(), read + ": " + again);
      assertEquals("", again.body(), read);
      assertEquals(tag, again.header("ETag"), read);

      Api.Reply other =
          api.get(read).token(tenant.token()).header("If-None-Match", "\"other\"").send();
      assertEquals(200, other.status(), read);
      assertEquals(first.body(), other.body(), read);
    }

    Api.Reply before = api.get("/api/v1/bot/state").token(tenant.token()).send();
    // Another writer's change (the engine, another node): the poll shows it once the database's
    // announcement has reached this node's state cache, not necessarily at the very next request.
    fixtures.sql(
        "UPDATE bot SET last_error_reason = 'etag changed' WHERE account_id = ?", tenant.account());
    Api.Reply[] after = new Api.Reply[1];
    Poll.until(
        "a new body for the changed state",
        Duration.ofSeconds(30),
        () -> {
          after[0] =
              api.get("/api/v1/bot/state")
                  .token(tenant.token())
                  .header("If-None-Match", before.header("ETag"))
                  .send();
          return after[0].status() != 304;
        });
    assertEquals(200, after[0].status(), after[0].toString());
    assertNotEquals(before.header("ETag"), after[0].header("ETag"));
    assertTrue(after[0].body().contains("etag changed"), after[0].body());
  }
}
