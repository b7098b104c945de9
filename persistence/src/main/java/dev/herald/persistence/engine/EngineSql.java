package dev.herald.persistence.engine;

/** The engine's statements, in one place so the locking story can be read at once. */
final class EngineSql {

  private EngineSql() {}

  /**
   * Leases due running bots (SKIP LOCKED: nodes never wait on each other) and returns everything
   * a cycle needs in one round trip. The cycle id is not incremented here: a node taking over an
   * abandoned cycle continues it, so the dead node's delivery records still apply (rule 10).
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
        FROM due, account a
       WHERE b.account_id = due.account_id AND a.id = b.account_id
      RETURNING b.account_id, b.cycle_id, b.next_run_at, b.post_type, b.post_text, b.forward_source,
                b.delay_between_posts_s, b.delay_between_cycles_s, a.max_sessions,
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
   * Starts one post in one autocommit round trip: the plan is re-checked at every post (an expired
   * plan never posts); the bot row is share-locked until the record is committed, so a concurrent
   * stop either sees the record or the record is never written (rules 6 and 10); the unique key
   * makes a second attempt at (account, cycle, chat) a no-op. planned_at is the cycle's planned
   * start (V21): lateness = started_at - planned_at. Returns (bot running, record inserted).
   * Parameters: account, node, cycle id, chat, sender kind, sender id, node, planned at.
   */
  static final String BEGIN_DELIVERY =
      """
      WITH running AS (
        SELECT b.account_id FROM bot b JOIN account a ON a.id = b.account_id
         WHERE b.account_id = ? AND b.status = 'RUNNING' AND b.lease_owner = ?
           AND a.plan_status IN ('ACTIVE', 'TRIAL')
           AND (a.plan_expires_at IS NULL OR a.plan_expires_at > now())
           FOR SHARE OF b),
      inserted AS (
        INSERT INTO delivery_record (account_id, cycle_id, chat_ref, sender_kind, sender_id, node_id, planned_at,
                                     outcome, started_at)
        SELECT account_id, ?, ?, ?, ?, ?, ?, 'SENDING', now() FROM running
        ON CONFLICT (account_id, cycle_id, chat_ref) DO NOTHING
        RETURNING 1)
      SELECT (SELECT count(*) FROM running), (SELECT count(*) FROM inserted)
      """;

  /*
   * The write-behind's statements. Each is one row, sent as a JDBC batch: the driver pipelines a
   * batch in one round trip, and each row stays an index lookup (a join against unnest() arrays
   * made the planner scan delivery_record on every flush).
   */

  /** Parameters: outcome, message id, error, finished at, account, cycle, chat. */
  static final String FINISH_DELIVERY =
      """
      UPDATE delivery_record SET outcome = ?, telegram_message_id = ?, error = ?, finished_at = ?
       WHERE account_id = ? AND cycle_id = ? AND chat_ref = ?
      """;

  /**
   * Ends a cycle: next run, lease released, STOPPING becomes STOPPED; only while the bot is still
   * leased to this node in that cycle (a node that lost the lease completes nothing).
   * Parameters: next run, account, node, cycle id.
   */
  static final String COMPLETE_CYCLE =
      """
      UPDATE bot SET next_run_at = CASE WHEN status = 'RUNNING' THEN CAST(? AS TIMESTAMPTZ) END,
                     cycle_id = cycle_id + 1,
                     lease_owner = NULL, lease_until = NULL,
                     status = CASE WHEN status = 'STOPPING' THEN 'STOPPED' ELSE status END,
                     updated_at = now()
       WHERE account_id = ? AND lease_owner = ? AND cycle_id = ?
      """;

  /** Parameters: account, attempts, delivered, failures, flood waits, delivered. */
  static final String ADD_STATS =
      """
      INSERT INTO bot_stats AS s (account_id, total_posts, total_success, total_failures, total_flood_waits,
                                  messages_sent, last_activity_at)
      VALUES (?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (account_id) DO UPDATE SET
        total_posts = s.total_posts + EXCLUDED.total_posts,
        total_success = s.total_success + EXCLUDED.total_success,
        total_failures = s.total_failures + EXCLUDED.total_failures,
        total_flood_waits = s.total_flood_waits + EXCLUDED.total_flood_waits,
        messages_sent = s.messages_sent + EXCLUDED.messages_sent,
        last_activity_at = now()
      """;

  /** Parameters: account, event, reason code, message. */
  static final String LOG_ACTIVITY =
      "INSERT INTO activity_log (account_id, event, reason_code, message, created_at) VALUES (?, ?, ?, ?, now())";

  static final String COOL_DOWN_SESSION =
      "UPDATE telegram_session SET flood_wait_until = ?, updated_at = now() WHERE id = ?";

  static final String BAN_SESSION =
      """
      UPDATE telegram_session SET state = 'BANNED', ban_reason = ?, assigned_account_id = NULL,
                                  updated_at = now(), version = version + 1
       WHERE id = ?
      """;

  static final String MARK_IDLE = "UPDATE bot SET last_error_reason = ?, updated_at = now() WHERE account_id = ?";

  /** SPEC rule 4. Returns one row per stopped bot; logs why in the same statement. */
  static final String STOP_BOTS_WITHOUT_PLAN =
      """
      WITH stopped AS (
        UPDATE bot b
           SET status = CASE WHEN b.lease_until > now() THEN 'STOPPING' ELSE 'STOPPED' END,
               stop_reason = CASE WHEN a.plan_status = 'INACTIVE' AND (a.plan_expires_at IS NULL OR a.plan_expires_at > now())
                                  THEN 'PLAN_INACTIVE' ELSE 'PLAN_EXPIRED' END,
               next_run_at = NULL, updated_at = now()
          FROM account a
         WHERE a.id = b.account_id AND b.status = 'RUNNING'
           AND (a.plan_status NOT IN ('ACTIVE', 'TRIAL') OR a.plan_expires_at <= now())
        RETURNING b.account_id, b.stop_reason)
      INSERT INTO activity_log (account_id, event, reason_code, message, created_at)
      SELECT account_id, 'AUTO_STOPPED', stop_reason, 'Stopped: the plan no longer allows running', now()
        FROM stopped
      RETURNING account_id
      """;

  /** A STOPPING bot whose node died never gets its cycle completed: settle it once the lease is gone. */
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
   * Locks the rows in account order, as the write-behind's batches do: two multi-row updates of
   * bot rows that lock in different orders deadlock. Parameters: lease seconds, node.
   */
  static final String EXTEND_LEASES =
      """
      UPDATE bot SET lease_until = now() + make_interval(secs => ?)
       WHERE account_id IN (SELECT account_id FROM bot WHERE lease_owner = ? AND lease_until IS NOT NULL
                             ORDER BY account_id FOR UPDATE)
      """;

  static final String OTHER_NODES_ALIVE =
      "SELECT 1 FROM scheduler_node WHERE node_id <> ? AND heartbeat_at > now() - make_interval(secs => ?) LIMIT 1";

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
      "DELETE FROM delivery_record WHERE id IN (SELECT id FROM delivery_record WHERE started_at < ? LIMIT ?)";

  static final String DELETE_OLD_ACTIVITY =
      "DELETE FROM activity_log WHERE id IN (SELECT id FROM activity_log WHERE created_at < ? LIMIT ?)";
}
