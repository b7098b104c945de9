package dev.herald.persistence.targets;

/** The statements of {@link JdbcTargetStore}. */
final class TargetSql {

  private TargetSql() {}

  static final String FOR_ACCOUNT =
      "SELECT sender_kind, sender_id, chat_ref, chat_id, title, membership, slow_mode_seconds,"
          + " next_post_at, joined_at, last_error_code, last_error_message, member_since,"
          + " posted_new_at FROM chat_target WHERE account_id = ?";

  /**
   * {@link #FOR_ACCOUNT} for an array of accounts, with the account. Joined to the unnested array
   * rather than {@code account_id = ANY(?)}: for a claimed batch of hundreds of accounts the
   * planner chose a sequential scan of the whole table for {@code ANY} (cost growing with every
   * tenant's targets), while the join probes the primary key's leading column once per account.
   */
  static final String FOR_ACCOUNTS =
      "SELECT t.account_id, sender_kind, sender_id, chat_ref, chat_id, title, membership,"
          + " slow_mode_seconds, next_post_at, joined_at, last_error_code, last_error_message,"
          + " member_since, posted_new_at FROM unnest(?::bigint[]) AS a(id) JOIN chat_target t ON"
          + " t.account_id = a.id";

  /**
   * One statement for a whole batch (one row per parameter array, in column order): a per-row batch
   * cost ~50 us of PostgreSQL time per record. A record of an account deleted meanwhile is skipped
   * (no row to refer to) rather than failing the batch on the foreign key. The batch holds each key
   * once (ON CONFLICT may not touch a row twice).
   */
  static final String UPSERT =
      """
      INSERT INTO chat_target (account_id, sender_kind, sender_id, chat_ref, chat_id, title,
                               membership, slow_mode_seconds, next_post_at, joined_at,
                               last_error_code, last_error_message, member_since, posted_new_at,
                               updated_at)
      SELECT u.*, now()
        FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::text[],
                    ?::text[], ?::integer[], ?::timestamptz[], ?::timestamptz[], ?::text[],
                    ?::text[], ?::timestamptz[], ?::timestamptz[])
             AS u(account_id, sender_kind, sender_id, chat_ref, chat_id, title, membership,
                  slow_mode_seconds, next_post_at, joined_at, last_error_code, last_error_message,
                  member_since, posted_new_at)
       WHERE EXISTS (SELECT 1 FROM account a WHERE a.id = u.account_id)
      ON CONFLICT (account_id, sender_kind, sender_id, chat_ref) DO UPDATE
         SET chat_id = EXCLUDED.chat_id, title = EXCLUDED.title,
             membership = EXCLUDED.membership, slow_mode_seconds = EXCLUDED.slow_mode_seconds,
             next_post_at = EXCLUDED.next_post_at, joined_at = EXCLUDED.joined_at,
             last_error_code = EXCLUDED.last_error_code,
             last_error_message = EXCLUDED.last_error_message,
             member_since = EXCLUDED.member_since, posted_new_at = EXCLUDED.posted_new_at,
             updated_at = now()
      """;

  /**
   * A session's records in the accounts other than one, that still count for its join pace or its
   * new chats (joined or became a member after a time), by {@code chat_target_by_session}.
   * Parameters: session, account, since, since.
   */
  static final String OF_SESSION_ELSEWHERE =
      "SELECT account_id, sender_kind, sender_id, chat_ref, chat_id, title, membership,"
          + " slow_mode_seconds, next_post_at, joined_at, last_error_code, last_error_message,"
          + " member_since, posted_new_at FROM chat_target WHERE sender_kind = 'SESSION' AND"
          + " sender_id = ? AND account_id <> ? AND (joined_at > ? OR member_since > ?)";

  /**
   * The chat id a session's records hold for a chat (a reference without a topic), under any of its
   * topics, the latest written (a group upgraded since is another id); index
   * chat_target_by_session.
   */
  static final String CHAT_ID_OF =
      "SELECT chat_id FROM chat_target WHERE sender_kind = 'SESSION' AND sender_id = ? AND"
          + " (chat_ref = ? OR starts_with(chat_ref, ? || '/')) AND chat_id <> 0"
          + " ORDER BY updated_at DESC LIMIT 1";

  /** Of the sessions asked, those moved since a time ({@code moved_at}, V93). */
  static final String MOVED_SESSIONS =
      "SELECT id FROM telegram_session WHERE id = ANY(?::bigint[]) AND moved_at > ?";

  static final String LAST_DELIVERED =
      "SELECT chat_ref, max(finished_at) FROM delivery_record WHERE account_id = ? AND outcome ="
          + " 'DELIVERED' GROUP BY chat_ref";
}
