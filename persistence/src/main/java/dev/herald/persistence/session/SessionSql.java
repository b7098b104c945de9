package dev.herald.persistence.session;

import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.TelegramSession;
import dev.herald.persistence.SqlList;
import java.util.Set;

/**
 * The session rules in SQL, and the allocation statements shared by bot start (JPA) and the
 * engine's ban replacement (JDBC). The rule fragments are built from their Java twins where they
 * can be, and {@code SessionRuleTwinTest} runs each fragment and its twin over the same rows.
 */
public final class SessionSql {

  /**
   * SQL twin of {@link SessionState#inUse()}: the session belongs to an account and takes a slot of
   * its API pair. The state list is built from {@link SessionState#IN_USE}.
   */
  public static String inUse(String alias) {
    return stateIn(alias, SessionState.IN_USE);
  }

  private static String stateIn(String alias, Set<SessionState> states) {
    return alias + ".state IN " + SqlList.of(states.stream().map(Enum::name).sorted());
  }

  /**
   * SQL twin of {@link TelegramSession#usable}: sending ({@link SessionState#SENDING}: in use and
   * not parked), not waiting out a flood now, and not paused for the hour by its warm-up budget
   * ({@code session_warmup.paused_until}, V71). The engine's claim picks a cycle's senders with it.
   */
  public static String usableNow(String alias) {
    return "("
        + stateIn(alias, SessionState.SENDING)
        + " AND ("
        + alias
        + ".flood_wait_until IS NULL OR "
        + alias
        + ".flood_wait_until <= now())"
        + " AND NOT EXISTS (SELECT 1 FROM session_warmup w WHERE w.session_id = "
        + alias
        + ".id AND w.paused_until > now()))";
  }

  /**
   * SQL twin of {@code SessionWarmup.Use#postsLeft}: how many more posts the warming session of the
   * {@code session_warmup} row {@code alias} may start in the current hour (its budget on today's
   * age day, V71's {@code session_warmup_day}, less the posts counted for this hour, never below
   * 0); NULL once its warm-up is over.
   */
  public static String warmupPostsLeft(String alias) {
    String budget = "%1$s.budgets[session_warmup_day(%1$s.started_at, now())]".formatted(alias);
    return ("(%2$s - least(%2$s, CASE WHEN %1$s.hour <= now() AND now() < %1$s.hour + interval"
            + " '1 hour' THEN %1$s.posts ELSE 0 END))")
        .formatted(alias, budget);
  }

  /**
   * Locks every API pair row: allocations then run one at a time, so two of them never both see the
   * last free slot of a pair. Allocation happens on start and on a ban only.
   */
  public static final String LOCK_API_PAIRS = "SELECT id FROM api_pair ORDER BY id FOR UPDATE";

  /**
   * The unused session whose API pair has the most free capacity, never from a full pair. Free
   * capacity counts sessions in use ({@link #inUse}).
   */
  public static final String NEXT_FREE_SESSION =
      """
      SELECT s.id
        FROM telegram_session s
        JOIN (SELECT p.id, p.capacity - count(u.id) AS free
                FROM api_pair p
                LEFT JOIN telegram_session u
                  ON u.api_pair_id = p.id AND %s
               GROUP BY p.id, p.capacity) pair ON pair.id = s.api_pair_id
       WHERE s.state = 'UNUSED' AND pair.free > 0
       ORDER BY pair.free DESC, s.id
       LIMIT 1
         FOR UPDATE OF s SKIP LOCKED
      """
          .formatted(inUse("u"));

  /**
   * Marks the session moved ({@code moved_at}) when it has target records in another account: the
   * engine then counts those for its join pace and new chats (V93). Parameters: account id, session
   * id.
   */
  public static final String ASSIGN_SESSION =
      """
      UPDATE telegram_session s
         SET state = 'ASSIGNED', assigned_account_id = a.id,
             moved_at = CASE WHEN EXISTS (SELECT 1 FROM chat_target t
                                           WHERE t.sender_kind = 'SESSION' AND t.sender_id = s.id
                                             AND t.account_id <> a.id)
                             THEN now() ELSE s.moved_at END,
             updated_at = now(), version = version + 1
        FROM (SELECT CAST(? AS BIGINT) AS id) a
       WHERE s.id = ?
      """;

  /**
   * How many more sessions the account's plan lets it hold besides {@code session} (its {@code
   * max_sessions} less its other in-use sessions): a replacement is owed only while it is above 0.
   * A session whose post was in flight when it left the account (an admin's release, a lowered
   * plan) may still be banned or parked on Telegram's answer; the account then holds its plan's
   * sessions already. Parameters: account, account, session.
   */
  public static final String ROOM_BESIDE =
      """
      SELECT (SELECT max_sessions FROM account WHERE id = ?) - count(*)
        FROM telegram_session s
       WHERE s.assigned_account_id = ? AND s.id <> ? AND %s
      """
          .formatted(inUse("s"));

  /**
   * The SET list of {@code TelegramSession.release}'s SQL twins: back to the pool, unassigned,
   * whatever happened before; the JPA version is bumped as JPA would. Each statement says what
   * becomes of {@code flood_wait_until}.
   */
  public static final String RELEASED =
      "state = 'UNUSED', state_reason = NULL, state_since = now(), assigned_account_id = NULL,"
          + " ban_reason = NULL, updated_at = now(), version = version + 1";

  /**
   * Releases the account's in-use sessions beyond the first {@code count}, those that can send now
   * first ({@link #usableNow}), then the lowest ids; returns the released ids. The rows are locked
   * in id order, as the engine's statements lock them, and checked again once locked: a session the
   * engine banned or parked meanwhile is no longer the account's and is left as it is. A flood wait
   * still running stays with the session: Telegram makes the session wait, whichever account it
   * posts for next. Parameters: account, count, account.
   */
  public static final String RELEASE_BEYOND =
      """
      WITH beyond AS (
        SELECT s.id FROM telegram_session s
         WHERE s.assigned_account_id = ? AND %1$s
         ORDER BY %2$s DESC, s.id
        OFFSET ?),
      locked AS (
        SELECT t.id FROM telegram_session t
         WHERE t.id IN (SELECT id FROM beyond) AND t.assigned_account_id = ? AND %3$s
         ORDER BY t.id
           FOR NO KEY UPDATE)
      UPDATE telegram_session
         SET %4$s, flood_wait_until = CASE WHEN flood_wait_until > now() THEN flood_wait_until END
       WHERE id IN (SELECT id FROM locked)
      RETURNING id
      """
          .formatted(inUse("s"), usableNow("s"), inUse("t"), RELEASED);

  private SessionSql() {}
}
