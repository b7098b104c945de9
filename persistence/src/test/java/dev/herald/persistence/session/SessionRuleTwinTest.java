package dev.herald.persistence.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.SessionWarmup;
import dev.herald.domain.session.TelegramSession;
import dev.herald.persistence.DatabaseTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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

  /**
   * {@link SessionSql#warmupPostsLeft} and {@link SessionWarmup.Use#postsLeft} agree for a session
   * on its first and second age day and past its warm-up, with posts counted in this hour, in the
   * last hour and never, below, at and above the budget.
   */
  @Test
  void warmupPostsLeftAndItsSqlTwinAgree() {
    long pair = rows.apiPair(100);
    Instant now = Instant.now();
    Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
    List<Integer> budgets = List.of(3, 6);
    Instant[] added = {
      now.minusSeconds(60), now.minus(Duration.ofHours(30)), now.minus(Duration.ofDays(3))
    };
    Instant[] hours = {null, thisHour, thisHour.minus(Duration.ofHours(1))};
    int cases = 0;
    for (Instant startedAt : added) {
      for (Instant hour : hours) {
        for (int posts : new int[] {0, 2, 3, 7}) {
          long id = rows.session(pair, "UNUSED", null, null);
          rows.update(
              "INSERT INTO session_warmup (session_id, started_at, budgets, hour, posts)"
                  + " VALUES (?, ?, '{3,6}', ?, ?)",
              id,
              Timestamp.from(startedAt),
              hour == null ? null : Timestamp.from(hour),
              posts);
          SessionWarmup.Use use =
              new SessionWarmup.Use(
                  id, startedAt, budgets, Optional.ofNullable(hour), posts, Optional.empty());
          Object sql =
              rows.one(
                  "SELECT "
                      + SessionSql.warmupPostsLeft("w")
                      + " FROM session_warmup w WHERE w.session_id = ?",
                  id);
          OptionalInt java = use.postsLeft(now);
          assertEquals(
              java.isPresent() ? java.getAsInt() : null,
              sql == null ? null : ((Number) sql).intValue(),
              "started " + startedAt + ", hour " + hour + ", posts " + posts);
          cases++;
        }
      }
    }
    assertEquals(36, cases);
  }
}
