package dev.herald.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.persistence.TestDatabase;
import dev.herald.persistence.TestRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * V100 on a database in use: the posts of a bot's current cycle were counted already by the
 * completion that handed the cycle back, so the upgrade takes them as counted (the continuation
 * would count them again).
 */
class CyclePostsCountedMigrationTest {

  private static final String DATABASE = "herald_v100_upgrade";

  @Test
  void theCurrentCyclesPostsAreTakenAsCountedOnUpgrade() throws SQLException {
    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      s.execute("CREATE DATABASE " + DATABASE);
    }
    DataSource upgraded = TestDatabase.dataSource("postgres", DATABASE);
    migrate(upgraded, "99");
    TestRows rows = new TestRows(upgraded);
    long handedBack = rows.bot(rows.account("ACTIVE", null), "RUNNING", Instant.now(), "@a");
    long idle = rows.bot(rows.account("ACTIVE", null), "RUNNING", Instant.now(), "@a");
    rows.update("UPDATE bot SET cycle_id = 5 WHERE account_id = ?", handedBack);
    record(rows, handedBack, 4, "@old", false); // an ended cycle's post
    record(rows, handedBack, 5, "@a", false);
    record(rows, handedBack, 5, "@b", false);
    record(rows, handedBack, 5, "@c", true); // its sender sent nothing: no post

    migrate(upgraded, "latest");

    String counted = "SELECT cycle_posts_counted FROM bot WHERE account_id = ?";
    assertEquals(2, rows.count(counted, handedBack));
    assertEquals(0, rows.count(counted, idle));
  }

  private static void record(TestRows rows, long account, long cycle, String chat, boolean retry) {
    rows.update(
        "INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id,"
            + " node_id, planned_at, outcome, started_at, retryable) VALUES (?, ?, ?, 'SESSION', 1,"
            + " 'node-a', now(), ?, now(), ?)",
        account,
        cycle,
        chat,
        retry ? "SENDER_UNAVAILABLE" : "DELIVERED",
        retry);
  }

  private static void migrate(DataSource dataSource, String target) {
    SchemaMigrations.configuration(dataSource).target(target).load().migrate();
  }
}
