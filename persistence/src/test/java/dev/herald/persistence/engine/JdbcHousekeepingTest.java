package dev.herald.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JdbcHousekeepingTest extends DatabaseTest {

  private final JdbcHousekeeping housekeeping = new JdbcHousekeeping(TestDatabase.dataSource());
  private final Instant now = Instant.now();

  private String status(long bot) {
    return rows.text(
        "SELECT status || '/' || coalesce(stop_reason, '-') FROM bot WHERE account_id = ?", bot);
  }

  @Test
  void botsWhosePlanStoppedAllowingRunningAreStoppedAndLogged() {
    long expired =
        rows.bot(rows.account("ACTIVE", now.minusSeconds(1)), "RUNNING", now, "@herald_a");
    long inactive = rows.bot(rows.account("INACTIVE", null), "RUNNING", now, "@herald_a");
    long inFlight = rows.bot(rows.account("EXPIRED", null), "RUNNING", now, "@herald_a");
    rows.lease(inFlight, "node-a", now.plusSeconds(30));
    long fine = rows.bot(rows.account("TRIAL", now.plusSeconds(3600)), "RUNNING", now, "@herald_a");

    assertEquals(3, housekeeping.stopBotsWithoutPlan());

    assertEquals("STOPPED/PLAN_EXPIRED", status(expired));
    assertEquals("STOPPED/PLAN_INACTIVE", status(inactive));
    assertEquals("STOPPING/PLAN_EXPIRED", status(inFlight), "its post in flight finishes first");
    assertEquals("RUNNING/-", status(fine));
    assertEquals(3, rows.count("SELECT count(*) FROM activity_log WHERE event = 'AUTO_STOPPED'"));
  }

  @Test
  void aStoppingBotWhoseNodeDiedIsSettledOnceItsLeaseIsGone() {
    long abandoned = rows.bot(rows.account("ACTIVE", null), "STOPPING", null, "@herald_a");
    rows.lease(abandoned, "dead-node", now.minusSeconds(1));
    long inFlight = rows.bot(rows.account("ACTIVE", null), "STOPPING", null, "@herald_a");
    rows.lease(inFlight, "node-a", now.plusSeconds(30));

    housekeeping.stopBotsWithoutPlan();

    assertEquals("STOPPED/-", status(abandoned));
    assertEquals("STOPPING/-", status(inFlight));
  }

  @Test
  void retentionDeletesOldDeliveryRecordsActivityAndFlushNumbersInBatches() {
    long account = rows.account("ACTIVE", null);
    for (int i = 0; i < 5; i++) {
      rows.update(
          "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
              + " outcome, started_at) VALUES (?, ?, '@herald_a', 'SESSION', 1, 'DELIVERED', now()"
              + " - ?::interval)",
          account,
          i,
          i < 3 ? "40 days" : "1 day");
      rows.update(
          "INSERT INTO activity_log (account_id, event, created_at) VALUES (?, 'CYCLE_COMPLETED',"
              + " now() - ?::interval)",
          account,
          i < 3 ? "40 days" : "1 day");
    }

    rows.update(
        "INSERT INTO ledger_flush (writer, flush_number, flushed_at) VALUES (gen_random_uuid(), 9,"
            + " now() - interval '25 hours'), (gen_random_uuid(), 3, now() - interval '23 hours')");

    assertEquals(6, housekeeping.deleteOlderThan(now.minus(Duration.ofDays(30)), 2));

    assertEquals(2, rows.count("SELECT count(*) FROM delivery_record"));
    assertEquals(2, rows.count("SELECT count(*) FROM activity_log"));
    assertEquals(
        3L, rows.count("SELECT flush_number FROM ledger_flush"), "an engine still flushing kept");
  }
}
