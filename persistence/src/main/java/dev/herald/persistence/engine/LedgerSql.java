package dev.herald.persistence.engine;

/**
 * The statements of {@link JdbcDeliveryLedger}. The write-behind's statements run once per kind for
 * the whole flush, the rows passed as arrays and joined by key, each with a custom plan ({@link
 * #FORCE_CUSTOM_PLANS}): the planner sees the real array length and today's table size, where a
 * generic plan made while delivery_record was small would keep scanning it after it grew.
 */
final class LedgerSql {

  private LedgerSql() {}

  /**
   * Starts many posts in one autocommit statement (group commit): the plan is re-checked for every
   * post ({@link PlanSql#allowsRunning}: an expired plan never posts); the bot rows are
   * share-locked, in account order like every other multi-row lock of bot rows, until the records
   * are committed, so a concurrent stop either sees a record or it is never written (rules 6 and
   * 10); the unique key makes a second attempt at (account, cycle, chat) a no-op, and within one
   * batch only the first request for a key may send ({@code nth}). planned_at is the cycle's
   * planned start (V21): lateness = started_at - planned_at. Returns, per request in order: (bot
   * running, record inserted). Bots and accounts are looked up by key (= ANY, a per-row subquery):
   * as joins, the planner may hash a whole table for a few hundred rows. Parameters: accounts,
   * cycle ids, chats, sender kinds, sender ids, planned at (epoch ms) as arrays; accounts again;
   * node (lease owner); node (recorded).
   */
  static final String BEGIN_DELIVERIES =
      """
      WITH req AS (
        SELECT r.*, row_number() OVER (PARTITION BY r.account_id, r.cycle_id, r.chat_ref ORDER BY r.n) AS nth
          FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
               WITH ORDINALITY AS r(account_id, cycle_id, chat_ref, sender_kind, sender_id, planned_ms, n)),
      running AS (
        SELECT b.account_id FROM bot b
         WHERE b.account_id = ANY(?::bigint[]) AND b.status = 'RUNNING' AND b.lease_owner = ?
           AND (SELECT %s FROM account a WHERE a.id = b.account_id)
         ORDER BY b.account_id
           FOR SHARE OF b),
      inserted AS (
        INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id, node_id, planned_at,
                                     outcome, started_at)
        SELECT r.account_id, r.cycle_id, r.chat_ref, r.sender_kind, r.sender_id, ?,
               to_timestamp(r.planned_ms / 1000.0), 'SENDING', now()
          FROM req r JOIN running USING (account_id)
         WHERE r.nth = 1
         ORDER BY r.account_id, r.cycle_id, r.chat_ref
        ON CONFLICT (account_id, cycle_id, chat_ref) DO NOTHING
        RETURNING account_id, cycle_id, chat_ref)
      SELECT r.account_id IN (SELECT account_id FROM running),
             r.nth = 1 AND EXISTS (SELECT 1 FROM inserted i
                      WHERE i.account_id = r.account_id AND i.cycle_id = r.cycle_id AND i.chat_ref = r.chat_ref)
        FROM req r
       ORDER BY r.n
      """
          .formatted(PlanSql.allowsRunning("a"));

  static final String FORCE_CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

  /**
   * Locks the bot rows a flush completes, in account order like every multi-row lock of bot rows,
   * before any delivery row is touched: a delivery batch holds bot rows' share locks and may wait
   * for a delivery row, so a flush must never wait for a bot row after updating one. Parameter:
   * accounts.
   */
  static final String LOCK_BOTS =
      "SELECT 1 FROM bot WHERE account_id = ANY(?::bigint[]) ORDER BY account_id FOR NO KEY UPDATE";

  /**
   * Ends cycles: next run, lease released, STOPPING becomes STOPPED; a cycle that delivered
   * something clears the bot's last error (whatever stopped it from posting has cleared); only
   * while the bot is still leased to this node in that cycle (a node that lost the lease completes
   * nothing). The cycle's attempts count against the daily cap of the tenant's day it names ({@code
   * DailyCap}: added to that day's count, or a new count on a new day; a NULL day counts nothing).
   * Parameters: accounts, cycle ids, next runs (epoch ms), delivered counts, days (ISO dates),
   * attempts as arrays; node.
   */
  static final String COMPLETE_CYCLES =
      """
      UPDATE bot b
         SET next_run_at = CASE WHEN b.status = 'RUNNING' THEN to_timestamp(u.next_ms / 1000.0) END,
             cycle_id = b.cycle_id + 1,
             lease_owner = NULL, lease_until = NULL,
             status = CASE WHEN b.status = 'STOPPING' THEN 'STOPPED' ELSE b.status END,
             last_error_reason = CASE WHEN u.delivered > 0 THEN NULL ELSE b.last_error_reason END,
             posts_today = CASE WHEN u.day IS NULL THEN b.posts_today
                                WHEN b.posts_day = u.day::date THEN b.posts_today + u.attempts
                                ELSE u.attempts END,
             posts_day = coalesce(u.day::date, b.posts_day),
             updated_at = now()
        FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::int[])
             AS u(account_id, cycle_id, next_ms, delivered, day, attempts)
       WHERE b.account_id = u.account_id AND b.lease_owner = ? AND b.cycle_id = u.cycle_id
      """;

  /** Parameters: accounts, attempts, delivered, failures, flood waits as arrays. */
  static final String ADD_STATS =
      """
      INSERT INTO bot_stats AS s (account_id, total_posts, total_success, total_failures, total_flood_waits,
                                  messages_sent, last_activity_at)
      SELECT account_id, sum(attempts), sum(delivered), sum(failures), sum(flood_waits), sum(delivered), now()
        FROM unnest(?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[])
             AS u(account_id, attempts, delivered, failures, flood_waits)
       GROUP BY account_id
       ORDER BY account_id
      ON CONFLICT (account_id) DO UPDATE SET
        total_posts = s.total_posts + EXCLUDED.total_posts,
        total_success = s.total_success + EXCLUDED.total_success,
        total_failures = s.total_failures + EXCLUDED.total_failures,
        total_flood_waits = s.total_flood_waits + EXCLUDED.total_flood_waits,
        messages_sent = s.messages_sent + EXCLUDED.messages_sent,
        last_activity_at = now()
      """;

  /**
   * One activity entry per completed cycle, saying what its posts did, counted from its delivery
   * records (so it runs after {@link #FINISH_DELIVERIES}): the message counts each outcome ("cycle
   * 12: 3 delivered, 1 chat forbidden, 1 slow mode", delivered first, then the most frequent); the
   * reason code is the most frequent failure's outcome code, else {@code DELIVERED}, else {@code
   * NOTHING_POSTED}. The records of a cycle are found by their unique key's prefix (account,
   * cycle). Parameters: accounts, cycle ids, events as arrays.
   */
  static final String LOG_ACTIVITIES =
      """
      INSERT INTO activity_log (account_id, event, reason_code, message, created_at)
      SELECT u.account_id, u.event,
             coalesce(c.dominant_failure, CASE WHEN c.delivered > 0 THEN 'DELIVERED' ELSE 'NOTHING_POSTED' END),
             'cycle ' || u.cycle_id || ': ' || coalesce(c.summary, 'nothing posted'),
             now()
        FROM unnest(?::bigint[], ?::bigint[], ?::text[]) WITH ORDINALITY AS u(account_id, cycle_id, event, n)
        CROSS JOIN LATERAL (
          SELECT string_agg(k.n || ' ' || lower(replace(k.outcome, '_', ' ')), ', '
                            ORDER BY k.outcome <> 'DELIVERED', k.n DESC, k.outcome) AS summary,
                 (array_agg(k.outcome ORDER BY k.n DESC, k.outcome)
                    FILTER (WHERE k.outcome NOT IN ('DELIVERED', 'SENDING')))[1] AS dominant_failure,
                 coalesce(sum(k.n) FILTER (WHERE k.outcome = 'DELIVERED'), 0) AS delivered
            FROM (SELECT d.outcome, count(*) AS n FROM delivery_record d
                   WHERE d.account_id = u.account_id AND d.cycle_id = u.cycle_id
                   GROUP BY d.outcome) k) c
       ORDER BY u.n
      """;

  /**
   * Parameters: accounts, cycle ids, chats, outcomes, message ids, errors, finished at (epoch ms)
   * as arrays.
   */
  static final String FINISH_DELIVERIES =
      """
      UPDATE delivery_record d
         SET outcome = u.outcome, telegram_message_id = u.message_id, error = u.error,
             finished_at = to_timestamp(u.at_ms / 1000.0)
        FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[])
             AS u(account_id, cycle_id, chat_ref, outcome, message_id, error, at_ms)
       WHERE d.account_id = u.account_id AND d.cycle_id = u.cycle_id AND d.chat_ref = u.chat_ref
      """;

  /**
   * A flush: the statements above in this order, sent in one round trip (the PostgreSQL driver
   * sends a multi-statement prepared statement as one pipeline) inside the caller's transaction.
   * {@link FlushParameters} binds them in the same order.
   */
  static final String FLUSH =
      String.join(
          ";\n",
          FORCE_CUSTOM_PLANS,
          LOCK_BOTS,
          COMPLETE_CYCLES,
          ADD_STATS,
          FINISH_DELIVERIES,
          LOG_ACTIVITIES);
}
