package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 5: a restart beside a live node stops nothing. A whole-service restart stops running
 * bots: that restart is {@link RestartIT}'s, which checks everything a lone node's restart touches
 * in one server start.
 */
class RestartSafetyIT extends TenantSystemTest {

  @Test
  void restartWhileAnotherNodeIsAliveStopsNothing() {
    ActiveTenant tenant = runningTenant("restart-cluster", 1, 1, "@cluster_group");
    // Another node of the cluster, alive throughout: it keeps its heartbeat fresh.
    ScheduledExecutorService otherNode = Executors.newSingleThreadScheduledExecutor();
    fixtures.sql(
        "INSERT INTO scheduler_node (node_id, started_at, heartbeat_at) VALUES ('other-node',"
            + " now(), now())");
    // A failed beat (a connection refused while the server restarts under load) must not end
    // the periodic task, which an exception thrown out of it would do.
    otherNode.scheduleWithFixedDelay(
        () -> {
          try {
            fixtures.sql(
                "UPDATE scheduler_node SET heartbeat_at = now() WHERE node_id = 'other-node'");
          } catch (RuntimeException missedBeat) {
            // the next beat comes 500 ms later
          }
        },
        0,
        500,
        TimeUnit.MILLISECONDS);
    try {
      system.server().stop();
      system.server().start(Duration.ofMinutes(3));
    } finally {
      otherNode.shutdownNow();
      fixtures.sql("DELETE FROM scheduler_node WHERE node_id = 'other-node'");
    }
    assertEquals("RUNNING", fixtures.botStatus(tenant.account()));
    long cycle = fixtures.botCycle(tenant.account());
    Poll.until(
        "the bot's cycles go on after the restart",
        Duration.ofSeconds(30),
        () -> fixtures.botCycle(tenant.account()) > cycle);
  }
}
