package dev.herald.persistence.session;

/** The allocation SQL, shared by bot start (JPA) and the engine's ban replacement (JDBC). */
public final class SessionSql {

  /**
   * Locks every API pair row: allocations then run one at a time, so two of them never both see the
   * last free slot of a pair. Allocation happens on start and on a ban only.
   */
  public static final String LOCK_API_PAIRS = "SELECT id FROM api_pair ORDER BY id FOR UPDATE";

  /**
   * The unused session whose API pair has the most free capacity, never from a full pair. Free
   * capacity counts sessions in use (assigned or cooling down for their account).
   */
  public static final String NEXT_FREE_SESSION =
      """
      SELECT s.id
        FROM telegram_session s
        JOIN (SELECT p.id, p.capacity - count(u.id) AS free
                FROM api_pair p
                LEFT JOIN telegram_session u
                  ON u.api_pair_id = p.id AND u.state IN ('ASSIGNED', 'COOLING_DOWN')
               GROUP BY p.id, p.capacity) pair ON pair.id = s.api_pair_id
       WHERE s.state = 'UNUSED' AND pair.free > 0
       ORDER BY pair.free DESC, s.id
       LIMIT 1
         FOR UPDATE OF s SKIP LOCKED
      """;

  /** Parameters: account id, session id. */
  public static final String ASSIGN_SESSION =
      "UPDATE telegram_session SET state = 'ASSIGNED', assigned_account_id = ?,"
          + " updated_at = now(), version = version + 1 WHERE id = ?";

  private SessionSql() {}
}
