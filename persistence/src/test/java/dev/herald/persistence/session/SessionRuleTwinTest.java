package dev.herald.persistence.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.TelegramSession;
import dev.herald.persistence.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session rules and their SQL twins ({@link SessionSql#inUse}, {@link SessionSql#usableNow})
 * agree on every row: each state, with no flood wait, a flood wait that is over, and one still
 * running, and the same three for a warm-up pause.
 */
class SessionRuleTwinTest extends DatabaseTest {

  /** One row of the table: its state, flood wait and warm-up pause, and its id once written. */
  private record Row(
      long id, SessionState state, Instant floodWaitUntil, Instant warmupPausedUntil) {}

  @Test
  void javaRulesAndSqlTwinsAgreeOnEveryRow() {
    Instant now = Instant.now();
    long account = rows.account("ACTIVE", null);
    long pair = rows.apiPair(100);
    List<Row> table = new ArrayList<>();
    Instant[] times = {null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))};
    for (SessionState state : SessionState.values()) {
      for (Instant until : times) {
        for (Instant paused : times) {
          // The table's check: an ASSIGNED session has an account, an unused one has none.
          Long assigned = state.inUse() ? account : null;
          long id = rows.session(pair, state.name(), assigned, until);
          if (paused != null) {
            rows.update(
                "INSERT INTO session_warmup (session_id, started_at, budgets, paused_until)"
                    + " VALUES (?, now(), '{5}', ?)",
                id, java.sql.Timestamp.from(paused));
          }
          table.add(new Row(id, state, until, paused));
        }
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
          TelegramSession.usable(row.state(), row.floodWaitUntil(), row.warmupPausedUntil(), now),
          rows.one(
              "SELECT " + SessionSql.usableNow("s") + " FROM telegram_session s WHERE s.id = ?",
              row.id()),
          where);
    }
  }
}
