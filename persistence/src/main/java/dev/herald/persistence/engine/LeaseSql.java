package dev.herald.persistence.engine;

import dev.herald.domain.activity.ActivityEvent;
import dev.herald.domain.engine.SessionLease;
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
   * SQL twin of {@code GroupInterval.mayPostTo}, negated: the chats of the bot row {@code alias}
   * posted to within its minimum group interval before the cycle's start. Only the last cycles can
   * hold such posts (a bot starts at most one cycle per delay between cycles; the slack covers
   * cycles deferred to a window or a new day), so the lookup stays on the unique key's prefix
   * (account, cycle) instead of the account's whole history. A send whose sender sent nothing
   * ({@code retryable}, V97) posted nothing there.
   */
  static String recentlyPosted(String alias) {
    return ("SELECT d.chat_ref FROM delivery_record d WHERE d.account_id = %1$s.account_id"
            + " AND d.cycle_id > %1$s.cycle_id - (%1$s.min_group_interval_min * 60"
            + " / greatest(%1$s.delay_between_cycles_s, 1) + 10)"
            + " AND d.started_at > greatest(%1$s.next_run_at, now())"
            + " - make_interval(mins => %1$s.min_group_interval_min)"
            + " AND NOT d.retryable")
        .formatted(alias);
  }

  /**
   * Leases due running bots (SKIP LOCKED: nodes never wait on each other) and returns everything a
   * cycle needs in one round trip. The cycle id is not incremented here: a node taking over an
   * abandoned cycle continues it, so the dead node's delivery records still apply (rule 10). The
   * account and the bot's parts are per-row lookups: as a join, the planner hashed the whole
   * account table for every claim (41 of 67 ms for 500 rows at 100 000 accounts, EXPLAIN ANALYZE);
   * the account's figures come from one lateral lookup by key, kept a per-row lookup by {@code
   * OFFSET 0} (the planner does not flatten it into a join). The leased rows are updated by key
   * ({@code = ANY} of the due ids, an index scan): as a join with the due rows, the planner hashed
   * the whole bot table for every claim. The session rule of the due rows is one aggregate per
   * candidate row over its sessions (an index lookup): written as EXISTS and NOT EXISTS, the
   * planner hashed every usable session of every account for every claim (84 of 148 ms for 500 rows
   * at 20 000 bots; CPU per claimed row 66 us before, 25 us after, {@code EngineCpuProbe}). The
   * senders are the usable sessions ({@link SessionSql#usableNow}) and a usable user bot ({@link
   * #userBotUsable}); with each session, the posts its warm-up lets it start in this hour ({@link
   * SessionSql#warmupPostsLeft}, NULL without a limit): one cycle at a time uses an account's
   * sessions, so the cycle can keep to the budget itself instead of overshooting it by the rest of
   * its share. And the chats the cycle's delivery records name ({@code attempted}, found by their
   * unique key's prefix, in one pass with the arrays below; NULL for a cycle that never ran): a
   * cycle that ran before is continued, leaves those chats out and leaves its activity entry to the
   * records. A record the ledger would reopen ({@link LedgerSql#reopenable}: its sender sent
   * nothing) names NULL instead of its chat, so the continuation deals that chat again; when its
   * session was unavailable ({@code SENDER_UNAVAILABLE}), the {@code unavailable_*} arrays name the
   * chat and the session, for the engine to deal it to another sender (the three aggregates filter
   * alike, so their elements stay aligned). In the same pass, when the cycle's latest post started
   * (its latest record, those whose sender sent nothing left out), as the time since then in
   * milliseconds ({@code since_last_post_ms}), both ends on the database's clock: the
   * continuation's first posts keep the delay between posts from it ({@code
   * DueCycle#firstPostsWait}). And how many of its records are posts (their sender sent something,
   * or may have: a record left {@code SENDING}) that no completion counted against the daily cap
   * ({@code uncounted_posts}: the records' posts less {@code cycle_posts_counted}, V100): those of
   * a run whose node crashed or whose lease ran out, which completes nothing. At most those started
   * on the tenant's day (in the bot's zone): a cycle continued on a later day (a node restarted
   * alone stops its bots; the tenant starts the bot again days later) charges its old posts to no
   * day.
   *
   * <p>The plan applies at every claim, so a downgrade reaches a running bot at its next cycle
   * (SPEC rule 18): groups beyond the plan's {@code max_groups} are left out, delays below its
   * minimums are raised, its daily cap comes with the day's count, and its posts and buttons limits
   * come with the row for {@link DueCycleRows} to apply ({@code BotPosts.withinPlan}). With a
   * minimum group interval, the groups posted to within it are left out ({@link #recentlyPosted}; a
   * bot without one never runs that lookup). A plan change during a cycle marks the bot ({@code
   * cycle_outdated}, V95): the cycle is handed back and claimed again under the new terms, and the
   * claim clears the mark. Rule 15: sessions stay on the node that has them open ({@link
   * SessionLease}): a bot whose every usable session another node holds is left to that node, and a
   * cycle gets only the sessions no other node holds. Each claim numbers its lease ({@code
   * lease_number}, V99): the cycle's deliveries and completion apply under this claim only, never
   * under a later one of the same node after the lease ran out. Parameters: lookahead seconds,
   * node, limit, node, lease seconds, the user bots' transport, node.
   */
  static final String CLAIM_DUE =
      """
      WITH due AS (
        SELECT account_id FROM bot
         WHERE status = 'RUNNING'
           AND next_run_at <= now() + make_interval(secs => ?)
           AND (lease_until IS NULL OR lease_until < now())
           AND coalesce((SELECT bool_or(NOT %4$s) FROM telegram_session s
                          WHERE s.assigned_account_id = bot.account_id AND %2$s), true)
         ORDER BY next_run_at
         LIMIT ?
           FOR UPDATE SKIP LOCKED),
      leased AS (
        UPDATE bot b
           SET lease_owner = ?,
               lease_until = greatest(b.next_run_at, now()) + make_interval(secs => ?),
               lease_number = b.lease_number + 1,
               cycle_outdated = false
         WHERE b.account_id = ANY(ARRAY(SELECT account_id FROM due))
        RETURNING b.account_id, b.cycle_id, b.lease_number, b.next_run_at, b.post_type, b.post_text, b.forward_source,
                  b.content_json, b.delay_between_posts_s, b.delay_between_cycles_s, b.posts_day,
                  b.posts_today, b.jitter_percent, b.time_zone, b.active_hours,
                  b.min_group_interval_min, b.cycle_posts_counted)
      SELECT b.account_id, b.cycle_id, b.lease_number, b.next_run_at, b.post_type, b.post_text, b.forward_source,
             b.content_json,
             greatest(b.delay_between_posts_s, a.min_delay_between_posts_s) AS delay_between_posts_s,
             greatest(b.delay_between_cycles_s, a.min_delay_between_cycles_s) AS delay_between_cycles_s,
             a.max_sessions, a.max_posts_per_day, b.posts_day, b.posts_today,
             a.max_posts_per_bot, a.max_buttons,
             b.jitter_percent, b.time_zone, b.active_hours, b.min_group_interval_min,
             (SELECT array_agg(g.chat_ref ORDER BY g.position)
                FROM (SELECT chat_ref, position FROM bot_target_group
                       WHERE account_id = b.account_id ORDER BY position LIMIT a.max_groups) g
               WHERE b.min_group_interval_min = 0 OR g.chat_ref NOT IN (%1$s)) AS target_groups,
             s.session_ids, s.session_posts_left,
             (SELECT u.token_encrypted FROM user_bot u
               WHERE u.account_id = b.account_id AND %3$s) AS user_bot_token,
             r.attempted, r.unavailable_chats, r.unavailable_sender_kinds, r.unavailable_sender_ids,
             (extract(epoch FROM now() - r.last_post_started_at) * 1000)::bigint
               AS since_last_post_ms,
             least(greatest(r.posts - b.cycle_posts_counted, 0), r.posts_started_today) AS uncounted_posts
        FROM leased b CROSS JOIN LATERAL (
               SELECT array_agg(CASE WHEN NOT %6$s THEN d.chat_ref END) AS attempted,
                      array_agg(d.chat_ref) FILTER (WHERE %7$s) AS unavailable_chats,
                      array_agg(d.sender_kind) FILTER (WHERE %7$s) AS unavailable_sender_kinds,
                      array_agg(d.sender_id) FILTER (WHERE %7$s) AS unavailable_sender_ids,
                      max(d.started_at) FILTER (WHERE NOT d.retryable) AS last_post_started_at,
                      count(*) FILTER (WHERE NOT d.retryable) AS posts,
                      count(*) FILTER (WHERE NOT d.retryable AND d.started_at >=
                                         date_trunc('day', now() AT TIME ZONE b.time_zone) AT TIME ZONE b.time_zone)
                        AS posts_started_today
                 FROM delivery_record d
                WHERE d.account_id = b.account_id AND d.cycle_id = b.cycle_id) r
        CROSS JOIN LATERAL (
               SELECT a.max_sessions, a.max_groups, a.min_delay_between_posts_s,
                      a.min_delay_between_cycles_s, a.max_posts_per_day, a.max_posts_per_bot,
                      a.max_buttons
                 FROM account a WHERE a.id = b.account_id OFFSET 0) a
        CROSS JOIN LATERAL (
               SELECT array_agg(s.id ORDER BY s.id) AS session_ids,
                      array_agg(%5$s ORDER BY s.id) AS session_posts_left
                 FROM telegram_session s LEFT JOIN session_warmup w ON w.session_id = s.id
                WHERE s.assigned_account_id = b.account_id AND %2$s AND NOT %4$s) s
      """
          .formatted(
              recentlyPosted("b"),
              SessionSql.usableNow("s"),
              userBotUsable("u"),
              SessionLeaseSql.heldElsewhere("s.id"),
              SessionSql.warmupPostsLeft("w"),
              LedgerSql.reopenable("d"),
              LedgerSql.reopenable("d") + " AND d.outcome = 'SENDER_UNAVAILABLE'");

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
