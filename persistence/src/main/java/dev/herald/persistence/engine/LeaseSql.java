package dev.herald.persistence.engine;

import dev.herald.domain.activity.ActivityEvent;
import dev.herald.domain.userbot.UserBot;
import dev.herald.domain.userbot.UserBotStatus;
import dev.herald.persistence.session.SessionSql;

/**
 * The statements of {@link JdbcLeaseStore}. Every multi-row lock of bot rows takes them in account
 * order, so the engine's statements never deadlock each other.
 */
final class LeaseSql {

  private LeaseSql() {}

  /**
   * SQL twin of {@link UserBot#usableOn}: the tenant's own bot may post (verified on the transport
   * user bots post through now, not suspended). Takes that transport as a parameter.
   */
  static String userBotUsable(String alias) {
    return "("
        + alias
        + ".verified AND "
        + alias
        + ".verified_transport = ? AND "
        + alias
        + ".status = '"
        + UserBotStatus.ACTIVE
        + "')";
  }

  /**
   * Leases due running bots (SKIP LOCKED: nodes never wait on each other) and returns everything a
   * cycle needs in one round trip. The cycle id is not incremented here: a node taking over an
   * abandoned cycle continues it, so the dead node's delivery records still apply (rule 10). The
   * account and the bot's parts are per-row subqueries: as a join, the planner hashed the whole
   * account table for every claim (41 of 67 ms for 500 rows at 100 000 accounts, EXPLAIN ANALYZE).
   * The senders are the usable sessions ({@link SessionSql#usableNow}) and a usable user bot
   * ({@link #userBotUsable}). Parameters: lookahead seconds, limit, node, lease seconds, the user
   * bots' transport.
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
                b.post_media,
                b.delay_between_posts_s, b.delay_between_cycles_s,
                (SELECT a.max_sessions FROM account a WHERE a.id = b.account_id) AS max_sessions,
                (SELECT array_agg(g.chat_ref ORDER BY g.position)
                   FROM bot_target_group g WHERE g.account_id = b.account_id) AS target_groups,
                (SELECT array_agg(s.id ORDER BY s.id) FROM telegram_session s
                  WHERE s.assigned_account_id = b.account_id AND %s) AS session_ids,
                (SELECT u.token_encrypted FROM user_bot u
                  WHERE u.account_id = b.account_id AND %s) AS user_bot_token
      """
          .formatted(SessionSql.usableNow("s"), userBotUsable("u"));

  /** Parameter: node. */
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
   * wait (a lease has several heartbeats to go). Parameters: lease seconds, held accounts, node,
   * lease seconds / 2.
   */
  static final String EXTEND_LEASES =
      """
      UPDATE bot SET lease_until = now() + make_interval(secs => ?)
       WHERE account_id IN (SELECT account_id FROM bot
                             WHERE account_id = ANY(?::bigint[]) AND lease_owner = ?
                               AND lease_until < now() + make_interval(secs => ?)
                             ORDER BY account_id FOR NO KEY UPDATE SKIP LOCKED)
      """;

  /** Parameters: node, window seconds. */
  static final String OTHER_NODES_ALIVE =
      "SELECT 1 FROM scheduler_node WHERE node_id <> ? AND heartbeat_at > now() -"
          + " make_interval(secs => ?) LIMIT 1";

  /** SPEC rule 5; logs why in the same statement. */
  static final String STOP_ALL_AFTER_RESTART =
      """
      WITH stopped AS (
        UPDATE bot SET status = 'STOPPED', stop_reason = 'RESTART', next_run_at = NULL,
                       lease_owner = NULL, lease_until = NULL, updated_at = now()
         WHERE status IN ('RUNNING', 'STOPPING')
        RETURNING account_id)
      INSERT INTO activity_log (account_id, event, reason_code, message, created_at)
      SELECT account_id, '%s', 'RESTART', 'Stopped by a service restart; start the bot again', now()
        FROM stopped
      RETURNING account_id
      """
          .formatted(ActivityEvent.AUTO_STOPPED.name());

  /** Parameter: node. */
  static final String LEAVE_RELEASE_LEASES =
      """
      UPDATE bot SET lease_owner = NULL, lease_until = NULL,
                     status = CASE WHEN status = 'STOPPING' THEN 'STOPPED' ELSE status END
       WHERE lease_owner = ?
      """;

  /** Parameter: node. */
  static final String LEAVE = "DELETE FROM scheduler_node WHERE node_id = ?";
}
