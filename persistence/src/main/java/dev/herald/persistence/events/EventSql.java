package dev.herald.persistence.events;

/** The event stream's statements. */
final class EventSql {

  private EventSql() {}

  /**
   * New rows of many accounts in one round trip: per account and kind the newest {@code limit}
   * after its cursor, oldest first. {@code settled}: every transaction older than the row's has
   * ended, so no row with a smaller id can still appear (V35). Parameters: accounts, activity
   * cursors, limit, accounts, delivery cursors, limit.
   */
  static final String AFTER =
      """
      WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
      SELECT 'log' AS kind, c.account_id, l.id, l.event, l.reason_code, l.message, l.created_at,
             NULL::bigint AS delivery_id, NULL::bigint AS cycle_id, NULL AS sender_kind,
             NULL::bigint AS sender_id, NULL AS outcome, NULL::bigint AS telegram_message_id,
             NULL AS error, NULL::timestamptz AS finished_at,
             (l.written_xid IS NULL OR l.written_xid < (SELECT xmin FROM horizon)) AS settled
        FROM unnest(?::bigint[], ?::bigint[]) AS c(account_id, after_id)
        CROSS JOIN LATERAL (
          SELECT * FROM activity_log l
           WHERE l.account_id = c.account_id AND l.id > c.after_id
           ORDER BY l.id DESC LIMIT ?) l
      UNION ALL
      SELECT 'delivery', c.account_id, e.seq, NULL, NULL, d.chat_ref, d.started_at,
             d.id, d.cycle_id, d.sender_kind, d.sender_id, d.outcome, d.telegram_message_id,
             d.error, d.finished_at, e.written_xid < (SELECT xmin FROM horizon)
        FROM unnest(?::bigint[], ?::bigint[]) AS c(account_id, after_seq)
        CROSS JOIN LATERAL (
          SELECT * FROM delivery_event e
           WHERE e.account_id = c.account_id AND e.seq > c.after_seq
           ORDER BY e.seq DESC LIMIT ?) e
        JOIN delivery_record d ON d.id = e.delivery_id
       ORDER BY 1, 2, 3
      """;

  /** Parameters: accounts, accounts. */
  static final String LATEST =
      """
      SELECT a.id,
             coalesce((SELECT max(l.id) FROM activity_log l WHERE l.account_id = a.id), 0),
             coalesce((SELECT max(e.seq) FROM delivery_event e WHERE e.account_id = a.id), 0)
        FROM unnest(?::bigint[]) AS a(id)
      """;

  /** Parameters: node, seconds. */
  static final String LISTENING =
      """
      INSERT INTO event_listener (node_id, listening_until) VALUES (?, now() + make_interval(secs => ?))
      ON CONFLICT (node_id) DO UPDATE SET listening_until = EXCLUDED.listening_until
      """;

  /** Parameter: node. */
  static final String NOT_LISTENING = "DELETE FROM event_listener WHERE node_id = ?";

  static final String LISTEN = "LISTEN herald_events";
}
