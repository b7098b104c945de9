package dev.herald.persistence.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stop as one conditional UPDATE ({@link BotSql#REQUEST_STOP}) under the row lock. */
class BotStopSqlTest extends DatabaseTest {

  private final Instant now = Instant.now();

  private long bot(String status) {
    return rows.bot(rows.account("ACTIVE", null), status, now, "@herald_a1");
  }

  private String status(long bot) {
    return rows.text(
        "SELECT status || '/' || coalesce(stop_reason, '-') FROM bot WHERE account_id = ?", bot);
  }

  private int stop(long bot) {
    return rows.update(BotSql.REQUEST_STOP, "USER", bot);
  }

  @Test
  void aBotWithACycleInFlightIsStoppingOtherwiseStopped() {
    long inFlight = bot("RUNNING");
    rows.lease(inFlight, "node-a", now.plusSeconds(30));
    long idle = bot("RUNNING");
    rows.lease(idle, "dead-node", now.minusSeconds(1));

    stop(inFlight);
    stop(idle);

    assertEquals("STOPPING/USER", status(inFlight));
    assertEquals("STOPPED/USER", status(idle));
  }

  @Test
  void stoppedAndSuspendedBotsAreLeftAsTheyAre() {
    long suspended = bot("SUSPENDED");
    long stopped = bot("STOPPED");
    assertEquals(0, stop(suspended) + stop(stopped));
    assertEquals("SUSPENDED/-", status(suspended));
  }

  /** Polls (bounded) until a statement waits for a row lock: the stop has read the row. */
  private void awaitWaitingOnALock() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (rows.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the stop never waited for the engine's row lock");
      }
      Thread.onSpinWait();
    }
  }

  /**
   * The race the old read-modify-write lost: the stop sees a live lease, the engine completes the
   * cycle (releasing the lease), then the stop writes STOPPING and the bot stays STOPPING with no
   * cycle to settle it. As one statement the stop waits for the completion's row lock and decides
   * on the released lease.
   */
  @Test
  void aStopRacingACycleCompletionDecidesOnTheReleasedLease() throws Exception {
    long bot = bot("RUNNING");
    rows.lease(bot, "node-a", now.plusSeconds(30));
    try (Connection engine = TestDatabase.dataSource().getConnection()) {
      engine.setAutoCommit(false);
      try (PreparedStatement complete =
          engine.prepareStatement(
              "UPDATE bot SET lease_owner = NULL, lease_until = NULL, cycle_id = cycle_id + 1"
                  + " WHERE account_id = ?")) {
        complete.setLong(1, bot);
        complete.executeUpdate();
      }
      CompletableFuture<Integer> userStop = CompletableFuture.supplyAsync(() -> stop(bot));
      awaitWaitingOnALock();
      engine.commit();
      assertEquals(1, userStop.get(10, TimeUnit.SECONDS));
    }
    assertEquals("STOPPED/USER", status(bot));
  }
}
