package dev.herald.persistence.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herald.persistence.TestDatabase;
import dev.herald.persistence.TestRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot state's one statement ({@link JpaBotStateReads#STATE}) over real rows. */
class BotStateSqlTest {

  private final TestRows rows = new TestRows(TestDatabase.dataSource());
  private final Instant now = Instant.now();

  @BeforeEach
  void clean() {
    TestDatabase.clean();
  }

  /** Per row: bot status, target groups, has user bot, session id and state. */
  private List<String> state(long account) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = TestDatabase.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(JpaBotStateReads.STATE)) {
      s.setLong(1, account);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              rs.getString("status")
                  + " "
                  + rs.getString("target_groups")
                  + " "
                  + rs.getBoolean("has_user_bot")
                  + " "
                  + rs.getObject("session_id")
                  + " "
                  + rs.getString("state"));
        }
      }
    }
    return out;
  }

  @Test
  void oneRowPerSessionInUseWithTheGroupsInTheirOrder() throws SQLException {
    long account = rows.bot(rows.account("ACTIVE", null), "RUNNING", now, "@herald_b,@herald_a");
    long pair = rows.apiPair(10);
    long cooling = rows.session(pair, "COOLING_DOWN", account, now.plusSeconds(60));
    long assigned = rows.session(pair, "ASSIGNED", account, null);
    rows.session(pair, "ASSIGNED", rows.account("ACTIVE", null), null);

    assertEquals(
        List.of(
            "RUNNING [\"@herald_b\", \"@herald_a\"] false " + cooling + " COOLING_DOWN",
            "RUNNING [\"@herald_b\", \"@herald_a\"] false " + assigned + " ASSIGNED"),
        state(account));
  }

  @Test
  void anAccountWithoutABotStillGetsItsOneRow() throws SQLException {
    long account = rows.account("ACTIVE", null);

    List<String> state = state(account);

    assertEquals(List.of("null null false null null"), state);
    assertNull(rows.one("SELECT account_id FROM bot WHERE account_id = ?", account));
  }
}
