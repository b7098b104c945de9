package dev.herald.persistence.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.TelegramSession;
import dev.herald.persistence.TestDatabase;
import dev.herald.persistence.TestRows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session rules and their SQL twins ({@link SessionSql#inUse}, {@link SessionSql#usableNow})
 * agree on every row: each state, with no flood wait, a flood wait that is over, and one still
 * running.
 */
class SessionRuleTwinTest {

  private final TestRows rows = new TestRows(TestDatabase.dataSource());

  /** One row of the table: its state and flood wait, and its id once written. */
  private record Row(long id, SessionState state, Instant floodWaitUntil) {}

  @BeforeEach
  void clean() {
    TestDatabase.clean();
  }

  @Test
  void javaRulesAndSqlTwinsAgreeOnEveryRow() {
    Instant now = Instant.now();
    long account = rows.account("ACTIVE", null);
    long pair = rows.apiPair(100);
    List<Row> table = new ArrayList<>();
    for (SessionState state : SessionState.values()) {
      for (Instant until :
          new Instant[] {null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))}) {
        // The table's check: an ASSIGNED session has an account, an unused one has none.
        Long assigned = state.inUse() ? account : null;
        table.add(new Row(rows.session(pair, state.name(), assigned, until), state, until));
      }
    }
    for (Row row : table) {
      String where = "row " + row;
      assertEquals(
          row.state().inUse(),
          rows.one(
              "SELECT " + SessionSql.inUse("s") + " FROM telegram_session s WHERE s.id = ?",
              row.id()),
          where);
      assertEquals(
          TelegramSession.usable(row.state(), row.floodWaitUntil(), now),
          rows.one(
              "SELECT " + SessionSql.usableNow("s") + " FROM telegram_session s WHERE s.id = ?",
              row.id()),
          where);
    }
  }
}
