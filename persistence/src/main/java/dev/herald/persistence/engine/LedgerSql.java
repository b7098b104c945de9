package dev.herald.persistence.engine;

import dev.herald.domain.telegram.SendOutcome;

/**
 * The statements of {@link JdbcDeliveryLedger}. The write-behind's statements run once per kind for
 * the whole flush, the rows passed as arrays and joined by key, each with a custom plan ({@link
 * #FLUSH_SETTINGS}): the planner sees the real array length and today's table size, where a generic
 * plan made while delivery_record was small would keep scanning it after it grew.
 */
final class LedgerSql {

  private LedgerSql() {}

  /**
   * Starts many posts in one autocommit statement (group commit): the plan is re-checked for every
   * post ({@link PlanSql#allowsRunning}: an expired plan never posts); the bot rows are
   * share-locked, in account order like every other multi-row lock of bot rows, until the records
   * are committed, so a concurrent stop either sees a record or it is never written (rules 6 and
   * 10); the unique key makes a second attempt at (account, cycle, chat) write nothing (it locks
   * the record, as every ON CONFLICT DO UPDATE does), unless its record says its sender sent
   * nothing ({@link #reopenable}): then the record is reopened for this post, the first outcome
   * kept as {@code retried_after} (V96). The requests are distinct by that key and the lease
   * ({@link JdbcDeliveryLedger} answers a batch's repeats itself: a window function here doubled
   * the statement's time); of two requests for one key under two leases, only the one under the
   * bot's current lease may write; the other is answered as not running. Whether a request's record
   * was written, and reopened, is looked up in the written keys as a set (IN, which PostgreSQL
   * hashes once): as a sub-select correlated by key, it scanned every written row for every
   * request, quadratic in the batch (25 of a 500-post batch's 30 ms; PostgreSQL CPU per post 62-83
   * us before, 17-22 us after, {@code EngineCpuProbe}). planned_at is the cycle's planned start
   * (V21): lateness = started_at - planned_at. Bots and accounts are looked up by key (= ANY, a
   * per-row subquery): as joins, the planner may hash a whole table for a few hundred rows. A bot
   * whose cycle was planned under terms since changed ({@code cycle_outdated}, V95: a plan change,
   * a new configuration) writes no record and answers so (SPEC rule 18). A post runs under the
   * claim that leased its cycle (its lease number, V99): under a later claim, after its lease ran
   * out, the bot is not running for it. Returns, per request in order: (bot running, record
   * written: NULL when not, true when reopened; cycle outdated). Parameters: accounts, cycle ids,
   * lease numbers, chats, sender kinds, sender ids, planned at (epoch ms) as arrays; accounts
   * again; node (lease owner); node (recorded).
   */
  static final String BEGIN_DELIVERIES =
      """
      WITH req AS (
        SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
                 WITH ORDINALITY AS r(account_id, cycle_id, lease, chat_ref, sender_kind, sender_id, planned_ms, n)),
      running AS (
        SELECT b.account_id, b.lease_number, b.cycle_outdated FROM bot b
         WHERE b.account_id = ANY(?::bigint[]) AND b.status = 'RUNNING' AND b.lease_owner = ?
           AND (SELECT %s FROM account a WHERE a.id = b.account_id)
         ORDER BY b.account_id
           FOR SHARE OF b),
      inserted AS (
        INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id, node_id, planned_at,
                                     outcome, started_at)
        SELECT r.account_id, r.cycle_id, r.chat_ref, r.sender_kind, r.sender_id, ?,
               to_timestamp(r.planned_ms / 1000.0), 'SENDING', now()
          FROM req r JOIN running ON running.account_id = r.account_id AND running.lease_number = r.lease
         WHERE NOT running.cycle_outdated
         ORDER BY r.account_id, r.cycle_id, r.chat_ref
        ON CONFLICT (account_id, cycle_id, chat_ref) DO UPDATE
           SET sender_kind = EXCLUDED.sender_kind, sender_id = EXCLUDED.sender_id,
               node_id = EXCLUDED.node_id, outcome = 'SENDING', started_at = now(),
               retried_after = delivery_record.outcome, retryable = false, telegram_message_id = NULL,
               error = NULL, finished_at = NULL
         WHERE %s
        RETURNING account_id, cycle_id, chat_ref, retried_after)
      SELECT (r.account_id, r.lease) IN (SELECT account_id, lease_number FROM running),
             CASE WHEN (r.account_id, r.cycle_id, r.chat_ref) IN (SELECT account_id, cycle_id, chat_ref FROM inserted)
                  THEN (r.account_id, r.cycle_id, r.chat_ref)
                         IN (SELECT account_id, cycle_id, chat_ref FROM inserted WHERE retried_after IS NOT NULL)
             END,
             r.account_id IN (SELECT account_id FROM running WHERE cycle_outdated)
        FROM req r
       ORDER BY r.n
      """
          .formatted(PlanSql.allowsRunning("a"), reopenable("delivery_record"));

  /**
   * Counts the posts of records {@link #BEGIN_DELIVERIES} reopened against their sessions' warm-up
   * budgets (V96): V71's trigger counts inserted records only. Parameter: the sessions, one per
   * post.
   */
  static final String COUNT_REOPENED_FOR_WARMUP = "SELECT session_warmup_add(?::bigint[])";

  /**
   * Whether the delivery record {@code alias} may be attempted again in its cycle: its sender sent
   * nothing ({@code retryable}, V97: {@link SendOutcome#retryableByAnotherSender}), and it was not
   * retried already. Reopened once at most, so a chat whose senders keep failing leaves its cycle
   * free to end.
   */
  static String reopenable(String alias) {
    return "(%1$s.retryable AND %1$s.retried_after IS NULL)".formatted(alias);
  }

  /**
   * The flush transaction's settings. Custom plans (see the class comment). Every row a flush
   * touches is found by key: its statements join a few thousand keys (the arrays) to tables by
   * their keys, where nested loops over index lookups cost what the rows cost, and a scan or a hash
   * of the table costs what the table costs, at every flush. The planner chose the latter while
   * delivery_record or bot held up to some 100 000 rows, or while the statistics were older than
   * the rows (a burst after an idle time), so scans, hash and merge joins and materialized inner
   * scans are off for the flush. And {@code herald.flush}, so that the row triggers of the live
   * events (V55) skip the flush's rows, which its own statements announce (see {@code announce}):
   * one notification per kind and flush instead of a trigger per row.
   */
  static final String FLUSH_SETTINGS =
      "SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
          + " set_config('enable_seqscan', 'off', true),"
          + " set_config('enable_hashjoin', 'off', true),"
          + " set_config('enable_mergejoin', 'off', true),"
          + " set_config('enable_material', 'off', true),"
          + " set_config('herald.flush', 'on', true)";

  /**
   * Appended to a data-modifying CTE named {@code changed} returning {@code account_id}: announces
   * its accounts on herald_events under the kind (V35's notify_bot_events), only while a node
   * listens; nothing is evaluated otherwise.
   */
  private static String announce(String kind) {
    return """
    SELECT notify_bot_events('%s', ARRAY(SELECT DISTINCT account_id FROM changed ORDER BY 1))
     WHERE bot_event_listeners_present()
    """
        .formatted(kind);
  }

  /**
   * Records the flush's number for its writer, first (V98): fails with {@link
   * #FLUSH_COMMITTED_ALREADY} for a flush committed already (the retry of a flush whose commit
   * seemed to fail), which rolls the retry back whole. Parameters: writer, number.
   */
  static final String BEGIN_FLUSH = "SELECT ledger_flush_begin(?::uuid, ?)";

  /** The SQLSTATE of {@link #BEGIN_FLUSH} for a flush committed already. */
  static final String FLUSH_COMMITTED_ALREADY = "LF001";

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
   * something clears the bot's last error (whatever stopped it from posting has cleared), unless
   * Telegram refused one of its posts ({@code Completed#clearsError}); only while the bot is still
   * leased to this node in that cycle under the claim that leased it (V99: a node that lost the
   * lease completes nothing, even when it leased the bot again since); announced as a state change.
   * The cycle's posts ({@code Completed#posts}: its attempts but those whose sender sent nothing,
   * and its earlier runs' posts that no completion counted) count against the daily cap of the
   * tenant's day it names ({@code DailyCap}: added to that day's count, or a new count on a new
   * day; a NULL day counts nothing). A cycle handed back (its terms changed, SPEC rule 18) keeps
   * its id while the bot runs: the next claim continues it under the new terms, its posts so far
   * counted and remembered as counted ({@code cycle_posts_counted}, V100, which the claim subtracts
   * from the posts in the cycle's records); a bot stopped meanwhile ends it like any other.
   * Parameters: accounts, cycle ids, lease numbers, next runs (epoch ms), whether each clears the
   * last error, days (ISO dates), posts, whether each is handed back, as arrays; node.
   */
  static final String COMPLETE_CYCLES =
      """
      WITH changed AS (
        UPDATE bot b
           SET next_run_at = CASE WHEN b.status = 'RUNNING' THEN to_timestamp(u.next_ms / 1000.0) END,
               cycle_id = CASE WHEN u.handed_back AND b.status = 'RUNNING' THEN b.cycle_id
                               ELSE b.cycle_id + 1 END,
               lease_owner = NULL, lease_until = NULL,
               status = CASE WHEN b.status = 'STOPPING' THEN 'STOPPED' ELSE b.status END,
               last_error_reason = CASE WHEN u.clears_error THEN NULL ELSE b.last_error_reason END,
               posts_today = CASE WHEN u.day IS NULL THEN b.posts_today
                                  WHEN b.posts_day = u.day::date THEN b.posts_today + u.posts
                                  ELSE u.posts END,
               posts_day = coalesce(u.day::date, b.posts_day),
               cycle_posts_counted = CASE WHEN u.handed_back AND b.status = 'RUNNING'
                                          THEN b.cycle_posts_counted + CASE WHEN u.day IS NULL THEN 0 ELSE u.posts END
                                          ELSE 0 END,
               updated_at = now()
          FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[], ?::text[], ?::int[],
                      ?::boolean[])
               AS u(account_id, cycle_id, lease, next_ms, clears_error, day, posts, handed_back)
         WHERE b.account_id = u.account_id AND b.lease_owner = ? AND b.lease_number = u.lease
           AND b.cycle_id = u.cycle_id
        RETURNING b.account_id)
      """
          + announce("state");

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
   * One activity entry per completed cycle, saying what its posts did. The engine passes the entry
   * ({@code CycleSummary}) when it saw every outcome of the cycle itself, the usual case; for the
   * others (NULL: a cycle continued after another run of it, or one whose lane failed) this
   * statement counts the cycle's delivery records the same way (so it runs after {@link
   * #FINISH_DELIVERIES}): the message counts each outcome ("cycle 12: 3 delivered, 1 chat
   * forbidden, 1 slow mode", delivered first, then the most frequent); the reason code is the most
   * frequent failure's outcome code, else {@code DELIVERED}, else {@code NOTHING_POSTED}. The
   * records of a cycle are found by their unique key's prefix (account, cycle). The count runs only
   * for an entry not passed: a sub-select in a CASE runs only when its branch is taken (as a filter
   * of a lateral join, the planner joined first and filtered after, counting every cycle's
   * records). Counting every cycle took 4 of the flush's 25 us of PostgreSQL CPU per execution
   * ({@code EngineCpuProbe}). A cycle handed back that is still the bot's cycle (so after {@link
   * #COMPLETE_CYCLES}) has no entry: its continuation's counts its records; handed back to a bot
   * stopped meanwhile, it ended and gets its entry. Announced as new log entries. Parameters:
   * accounts, cycle ids, events, reason codes, messages, whether each was handed back, as arrays.
   */
  static final String LOG_ACTIVITIES =
      """
      WITH changed AS (
        INSERT INTO activity_log (account_id, event, reason_code, message, created_at)
        SELECT u.account_id, u.event, coalesce(u.reason_code, c.entry[1]), coalesce(u.message, c.entry[2]), now()
          FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[]) WITH ORDINALITY
               AS u(account_id, cycle_id, event, reason_code, message, handed_back, n)
          CROSS JOIN LATERAL (
            SELECT CASE WHEN u.message IS NULL THEN (
                     SELECT ARRAY[coalesce(s.dominant_failure,
                                           CASE WHEN s.delivered > 0 THEN 'DELIVERED' ELSE 'NOTHING_POSTED' END),
                                  'cycle ' || u.cycle_id || ': ' || coalesce(s.summary, 'nothing posted')]
                       FROM (SELECT string_agg(k.n || ' ' || lower(replace(k.outcome, '_', ' ')), ', '
                                               ORDER BY k.outcome <> 'DELIVERED', k.n DESC, k.outcome COLLATE "C") AS summary,
                                    (array_agg(k.outcome ORDER BY k.n DESC, k.outcome COLLATE "C")
                                       FILTER (WHERE k.outcome NOT IN ('DELIVERED', 'SENDING')))[1] AS dominant_failure,
                                    coalesce(sum(k.n) FILTER (WHERE k.outcome = 'DELIVERED'), 0) AS delivered
                               FROM (SELECT d.outcome, count(*) AS n FROM delivery_record d
                                      WHERE d.account_id = u.account_id AND d.cycle_id = u.cycle_id
                                      GROUP BY d.outcome) k) s) END AS entry
            OFFSET 0) c
         WHERE CASE WHEN u.handed_back
                    THEN NOT EXISTS (SELECT 1 FROM bot b
                                      WHERE b.account_id = u.account_id AND b.cycle_id = u.cycle_id)
                    ELSE true END
         ORDER BY u.n
        RETURNING account_id)
      """
          + announce("log");

  /**
   * Finishes posts: each record gets its outcome and the stream's cursor row (delivery_event, in
   * the order the records started), and whether another sender may make the post in the cycle
   * ({@link #reopenable}), and is announced as a delivery. A post is finished by one flush only (a
   * failed flush is rolled back whole and retried, a committed one never applied again: {@link
   * #BEGIN_FLUSH}), so no guard on the old outcome: as a filter on delivery_record, whose
   * statistics lag behind its rows, it made the planner expect a handful of SENDING rows and scan
   * the table for every post. Parameters: accounts, cycle ids, chats, outcomes, message ids,
   * errors, finished at (epoch ms), whether retryable, as arrays.
   */
  static final String FINISH_DELIVERIES =
      """
      WITH finished AS (
        UPDATE delivery_record d
           SET outcome = u.outcome, telegram_message_id = u.message_id, error = u.error,
               finished_at = to_timestamp(u.at_ms / 1000.0), retryable = u.retryable
          FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[],
                      ?::boolean[])
               AS u(account_id, cycle_id, chat_ref, outcome, message_id, error, at_ms, retryable)
         WHERE d.account_id = u.account_id AND d.cycle_id = u.cycle_id AND d.chat_ref = u.chat_ref
        RETURNING d.account_id, d.id),
      changed AS (
        INSERT INTO delivery_event (account_id, delivery_id)
        SELECT account_id, id FROM finished ORDER BY id
        RETURNING account_id)
      """
          + announce("delivery");

  /**
   * A flush: the statements above in this order, sent in one round trip (the PostgreSQL driver
   * sends a multi-statement prepared statement as one pipeline) inside the caller's transaction.
   * {@link FlushParameters} binds them in the same order.
   */
  static final String FLUSH =
      String.join(
          ";\n",
          FLUSH_SETTINGS,
          BEGIN_FLUSH,
          LOCK_BOTS,
          COMPLETE_CYCLES,
          ADD_STATS,
          FINISH_DELIVERIES,
          LOG_ACTIVITIES);
}
