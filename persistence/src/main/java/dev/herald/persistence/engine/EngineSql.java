package dev.herald.persistence.engine;

/** The engine's statements, in one place so the locking story can be read at once. */
final class EngineSql {

  private EngineSql() {}

  /**
   * Leases due running bots (SKIP LOCKED: nodes never wait on each other) and returns everything a
   * cycle needs in one round trip. The cycle id is not incremented here: a node taking over an
   * abandoned cycle continues it, so the dead node's delivery records still apply (rule 10). The
   * account and the bot's parts are per-row subqueries: as a join, the planner hashed the whole
   * account table for every claim (41 of 67 ms for 500 rows at 100 000 accounts, EXPLAIN ANALYZE).
   * Parameters: lookahead seconds, limit, node, lease seconds.
   */
  static final String CLAIM_DUE =
      """
      WITH due AS (
        SELECT account_id FROM bot
         WHERE status = 'RUNNING'
           AND next_run_at <= now() + make_interval(secs => ?)
           AND (lease_until IS NULL OR lease_until < now())
         ORDER BY next_run_at
         LIMIT ?
           FOR UPDATE SKIP LOCKED)
      UPDATE bot b
         SET lease_owner = ?,
             lease_until = greatest(b.next_run_at, now()) + make_interval(secs => ?)
        FROM due
       WHERE b.account_id = due.account_id
      RETURNING b.account_id, b.cycle_id, b.next_run_at, b.post_type, b.post_text, b.forward_source,
                b.delay_between_posts_s, b.delay_between_cycles_s,
                (SELECT a.max_sessions FROM account a WHERE a.id = b.account_id) AS max_sessions,
                (SELECT array_agg(g.chat_ref ORDER BY g.position)
                   FROM bot_target_group g WHERE g.account_id = b.account_id) AS target_groups,
                (SELECT array_agg(s.id ORDER BY s.id) FROM telegram_session s
                  WHERE s.assigned_account_id = b.account_id
                    AND s.state IN ('ASSIGNED', 'COOLING_DOWN')
                    AND (s.flood_wait_until IS NULL OR s.flood_wait_until <= now())) AS session_ids,
                (SELECT u.token_encrypted FROM user_bot u
                  WHERE u.account_id = b.account_id AND u.verified AND u.status = 'ACTIVE') AS user_bot_token
      """;

  /**
   * Starts many posts in one autocommit statement (group commit): the plan is re-checked for every
   * post (an expired plan never posts); the bot rows are share-locked, in account order like every
   * other multi-row lock of bot rows, until the records are committed, so a concurrent stop either
   * sees a record or it is never written (rules 6 and 10); the unique key makes a second attempt at
   * (account, cycle, chat) a no-op. planned_at is the cycle's planned start (V21): lateness =
   * started_at - planned_at. Returns, per request in order: (bot running, record inserted). Bots
   * and accounts are looked up by key (= ANY, a per-row subquery): as joins, the planner may hash a
   * whole table for a few hundred rows. Parameters: accounts, cycle ids, chats, sender kinds,
   * sender ids, planned at (epoch ms) as arrays; accounts again; node (lease owner); node
   * (recorded).
   */
  static final String BEGIN_DELIVERIES =
      """
      WITH req AS (
        SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
                 WITH ORDINALITY AS r(account_id, cycle_id, chat_ref, sender_kind, sender_id, planned_ms, n)),
      running AS (
        SELECT b.account_id FROM bot b
         WHERE b.account_id = ANY(?::bigint[]) AND b.status = 'RUNNING' AND b.lease_owner = ?
           AND (SELECT a.plan_status IN ('ACTIVE', 'TRIAL') AND (a.plan_expires_at IS NULL OR a.plan_expires_at > now())
                  FROM account a WHERE a.id = b.account_id)
         ORDER BY b.account_id
           FOR SHARE OF b),
      inserted AS (
        INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id, node_id, planned_at,
                                     outcome, started_at)
        SELECT r.account_id, r.cycle_id, r.chat_ref, r.sender_kind, r.sender_id, ?,
               to_timestamp(r.planned_ms / 1000.0), 'SENDING', now()
          FROM req r JOIN running USING (account_id)
         ORDER BY r.account_id, r.cycle_id, r.chat_ref
        ON CONFLICT (account_id, cycle_id, chat_ref) DO NOTHING
        RETURNING account_id, cycle_id, chat_ref)
      SELECT r.account_id IN (SELECT account_id FROM running),
             EXISTS (SELECT 1 FROM inserted i
                      WHERE i.account_id = r.account_id AND i.cycle_id = r.cycle_id AND i.chat_ref = r.chat_ref)
        FROM req r
       ORDER BY r.n
      """;

  /*
   * The write-behind's statements: one execution per kind for the whole flush, the rows passed as
   * arrays and joined by key. Each runs with a custom plan (plan_cache_mode, set by the flush), so
   * the planner sees the real array length and today's table size: a generic plan made while
   * delivery_record was small would keep scanning it after it grew.
   */

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
   * Ends cycles: next run, lease released, STOPPING becomes STOPPED; only while the bot is still
   * leased to this node in that cycle (a node that lost the lease completes nothing). Parameters:
   * accounts, cycle ids, next runs (epoch ms) as arrays; node.
   */
  static final String COMPLETE_CYCLES =
      """
      UPDATE bot b
         SET next_run_at = CASE WHEN b.status = 'RUNNING' THEN to_timestamp(u.next_ms / 1000.0) END,
             cycle_id = b.cycle_id + 1,
             lease_owner = NULL, lease_until = NULL,
             status = CASE WHEN b.status = 'STOPPING' THEN 'STOPPED' ELSE b.status END,
             updated_at = now()
        FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS u(account_id, cycle_id, next_ms)
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

  /** Parameters: accounts, events, messages as arrays. */
  static final String LOG_ACTIVITIES =
      """
      INSERT INTO activity_log (account_id, event, reason_code, message, created_at)
      SELECT account_id, event, NULL, message, now() FROM unnest(?::bigint[], ?::text[], ?::text[]) AS u(account_id, event, message)
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
   */
  static final String FLUSH =
      String.join(
          ";\n",
          FORCE_CUSTOM_PLANS,
          LOCK_BOTS,
          COMPLETE_CYCLES,
          ADD_STATS,
          LOG_ACTIVITIES,
          FINISH_DELIVERIES);

  /** Parameters: account, event, reason code, message. */
  static final String LOG_ACTIVITY =
      "INSERT INTO activity_log (account_id, event, reason_code, message, created_at) VALUES (?, ?,"
          + " ?, ?, now())";

  static final String COOL_DOWN_SESSION =
      "UPDATE telegram_session SET flood_wait_until = ?, updated_at = now() WHERE id = ?";

  static final String BAN_SESSION =
      """
      UPDATE telegram_session SET state = 'BANNED', ban_reason = ?, assigned_account_id = NULL,
                                  updated_at = now(), version = version + 1
       WHERE id = ?
      """;

  static final String MARK_IDLE =
      "UPDATE bot SET last_error_reason = ?, updated_at = now() WHERE account_id = ?";

  /**
   * SPEC rule 4. Starts from the accounts whose plan stops bots (two small indexes, V22), not from
   * every running bot. Returns one row per stopped bot; logs why in the same statement.
   */
  static final String STOP_BOTS_WITHOUT_PLAN =
      """
      WITH blocked AS (
        SELECT id FROM account WHERE plan_status NOT IN ('ACTIVE', 'TRIAL')
        UNION
        SELECT id FROM account WHERE plan_expires_at <= now()),
      stopped AS (
        UPDATE bot b
           SET status = CASE WHEN b.lease_until > now() THEN 'STOPPING' ELSE 'STOPPED' END,
               stop_reason = CASE WHEN a.plan_status = 'INACTIVE' AND (a.plan_expires_at IS NULL OR a.plan_expires_at > now())
                                  THEN 'PLAN_INACTIVE' ELSE 'PLAN_EXPIRED' END,
               next_run_at = NULL, updated_at = now()
          FROM blocked, account a
         WHERE a.id = blocked.id AND b.account_id = a.id AND b.status = 'RUNNING'
        RETURNING b.account_id, b.stop_reason)
      INSERT INTO activity_log (account_id, event, reason_code, message, created_at)
      SELECT account_id, 'AUTO_STOPPED', stop_reason, 'Stopped: the plan no longer allows running', now()
        FROM stopped
      RETURNING account_id
      """;

  /**
   * A STOPPING bot whose node died never gets its cycle completed: settle it once the lease is
   * gone.
   */
  static final String SETTLE_ABANDONED_STOPPING =
      """
      UPDATE bot SET status = 'STOPPED', lease_owner = NULL, lease_until = NULL, updated_at = now()
       WHERE status = 'STOPPING' AND (lease_until IS NULL OR lease_until < now())
      """;

  static final String HEARTBEAT =
      """
      INSERT INTO scheduler_node (node_id, started_at, heartbeat_at) VALUES (?, now(), now())
      ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()
      """;

  /**
   * Extends this node's leases that are past half their time, found by primary key (the engine
   * knows what it holds; no index on the owner, so claims update rows in place). SKIP LOCKED: a row
   * another statement holds (a delivery batch, a flush completing the cycle) is extended at the
   * next heartbeat instead, so the heartbeat never waits and never makes the engine's statements
   * wait (a lease has several heartbeats to go). Locks in account order like every multi-row lock
   * of bot rows. Parameters: lease seconds, held accounts, node, lease seconds / 2.
   */
  static final String EXTEND_LEASES =
      """
      UPDATE bot SET lease_until = now() + make_interval(secs => ?)
       WHERE account_id IN (SELECT account_id FROM bot
                             WHERE account_id = ANY(?::bigint[]) AND lease_owner = ?
                               AND lease_until < now() + make_interval(secs => ?)
                             ORDER BY account_id FOR NO KEY UPDATE SKIP LOCKED)
      """;

  static final String OTHER_NODES_ALIVE =
      "SELECT 1 FROM scheduler_node WHERE node_id <> ? AND heartbeat_at > now() -"
          + " make_interval(secs => ?) LIMIT 1";

  static final String STOP_ALL_AFTER_RESTART =
      """
      WITH stopped AS (
        UPDATE bot SET status = 'STOPPED', stop_reason = 'RESTART', next_run_at = NULL,
                       lease_owner = NULL, lease_until = NULL, updated_at = now()
         WHERE status IN ('RUNNING', 'STOPPING')
        RETURNING account_id)
      INSERT INTO activity_log (account_id, event, reason_code, message, created_at)
      SELECT account_id, 'AUTO_STOPPED', 'RESTART', 'Stopped by a service restart; start the bot again', now()
        FROM stopped
      RETURNING account_id
      """;

  static final String LEAVE_RELEASE_LEASES =
      """
      UPDATE bot SET lease_owner = NULL, lease_until = NULL,
                     status = CASE WHEN status = 'STOPPING' THEN 'STOPPED' ELSE status END
       WHERE lease_owner = ?
      """;

  static final String LEAVE = "DELETE FROM scheduler_node WHERE node_id = ?";

  static final String DELETE_OLD_DELIVERIES =
      "DELETE FROM delivery_record WHERE id IN (SELECT id FROM delivery_record WHERE started_at < ?"
          + " LIMIT ?)";

  static final String DELETE_OLD_ACTIVITY =
      "DELETE FROM activity_log WHERE id IN (SELECT id FROM activity_log WHERE created_at < ? LIMIT"
          + " ?)";
}
