package dev.herald.persistence.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.persistence.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionSql#RELEASE_BEYOND}, the plan's {@code max_sessions} lowered while the account
 * holds more: the sessions beyond go back to the pool, those that cannot send now first, then the
 * last assigned; other accounts' sessions and sessions no longer in use stay as they are.
 */
class SessionsBeyondThePlanTest extends DatabaseTest {

  private List<Object> keepAtMost(long account, int count) {
    return rows.column(SessionSql.RELEASE_BEYOND, account, count, account);
  }

  @Test
  void sessionsBeyondTheCountGoBackToThePoolTheOnesThatCannotSendFirst() {
    long account = rows.account("ACTIVE", null);
    long other = rows.account("ACTIVE", null);
    long pair = rows.apiPair(100);
    Instant later = Instant.now().plus(Duration.ofHours(1));
    long first = rows.session(pair, "ASSIGNED", account, null);
    long cooling = rows.session(pair, "COOLING_DOWN", account, later);
    long second = rows.session(pair, "ASSIGNED", account, null);
    long parked = rows.session(pair, "UNAVAILABLE", account, later);
    long third = rows.session(pair, "ASSIGNED", account, null);
    long banned = rows.session(pair, "BANNED", null, null);
    long others = rows.session(pair, "ASSIGNED", other, null);

    assertEquals(
        List.of(cooling, parked, third),
        sorted(keepAtMost(account, 2)),
        "the two that cannot send now, then the newest");

    assertEquals(
        "ASSIGNED " + account + ", ASSIGNED " + account, held(first) + ", " + held(second));
    for (long released : List.of(cooling, parked, third)) {
      assertEquals("UNUSED null", held(released), "back in the pool: " + released);
      assertEquals(
          0L,
          rows.count(
              "SELECT count(*) FROM telegram_session WHERE id = ? AND state_reason IS NOT NULL",
              released));
    }
    assertEquals(
        2L,
        rows.count(
            "SELECT count(*) FROM telegram_session WHERE id IN (?, ?) AND flood_wait_until > now()",
            cooling,
            parked),
        "a wait still running stays with the session, whichever account it posts for next");
    assertEquals("BANNED null", held(banned));
    assertEquals("ASSIGNED " + other, held(others), "another account's session stays");
    assertEquals(List.of(), keepAtMost(account, 2), "already within the plan");
  }

  private String held(long session) {
    return rows.text(
        "SELECT state || ' ' || coalesce(assigned_account_id::text, 'null') FROM telegram_session"
            + " WHERE id = ?",
        session);
  }

  private static List<Long> sorted(List<Object> ids) {
    return ids.stream().map(id -> ((Number) id).longValue()).sorted().toList();
  }
}
