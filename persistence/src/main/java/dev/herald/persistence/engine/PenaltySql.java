package dev.herald.persistence.engine;

import dev.herald.persistence.session.SessionSql;

/** The statements of {@link JdbcSessionPenalties}. */
final class PenaltySql {

  private PenaltySql() {}

  /** Parameters: account, event, reason code, message. */
  static final String LOG_ACTIVITY =
      "INSERT INTO activity_log (account_id, event, reason_code, message, created_at) VALUES (?, ?,"
          + " ?, ?, now())";

  /** Parameters: until, session. */
  static final String COOL_DOWN_SESSION =
      "UPDATE telegram_session SET flood_wait_until = ?, updated_at = now() WHERE id = ?";

  /**
   * The JPA entity's optimistic version is bumped: an admin's JPA copy of the session must not
   * silently overwrite the ban. Parameters: reason, session.
   */
  static final String BAN_SESSION =
      """
      UPDATE telegram_session SET state = 'BANNED', ban_reason = ?, assigned_account_id = NULL,
                                  updated_at = now(), version = version + 1
       WHERE id = ?
      """;

  /**
   * Parks a session UNAVAILABLE: it keeps its account and slot, sits out until the back-off ends,
   * and keeps its first {@code state_since} while it stays parked. Parameters: reason, retry at,
   * session.
   */
  static final String PARK_UNAVAILABLE =
      """
      UPDATE telegram_session
         SET state_since = CASE WHEN state = 'UNAVAILABLE' THEN state_since ELSE now() END,
             state = 'UNAVAILABLE', state_reason = ?, flood_wait_until = ?,
             updated_at = now(), version = version + 1
       WHERE id = ? AND %s
      """
          .formatted(SessionSql.inUse("telegram_session"));

  /**
   * Parks a session NEEDS_LOGIN: off its account (its slot freed), never banned, and never over a
   * ban (Telegram's verdict on the account outranks a lost authorization: the other client of an
   * {@code AUTH_KEY_DUPLICATED} may have been answered a ban first). Parameters: reason, session.
   */
  static final String PARK_NEEDS_LOGIN =
      """
      UPDATE telegram_session
         SET state = 'NEEDS_LOGIN', state_reason = ?, state_since = now(),
             assigned_account_id = NULL, flood_wait_until = NULL,
             updated_at = now(), version = version + 1
       WHERE id = ? AND state <> 'BANNED'
      """;

  /**
   * SQL twin of {@code TelegramSession.release}: back to the pool, unassigned, whatever happened
   * before; the JPA version is bumped as for a ban. Parameter: session.
   */
  static final String RELEASE_SESSION =
      "UPDATE telegram_session SET "
          + SessionSql.RELEASED
          + ", flood_wait_until = NULL WHERE id = ?";

  /**
   * Marks the bot idle only when it has no usable session left ({@link SessionSql#usableNow}).
   * Parameters: reason, account.
   */
  static final String MARK_IDLE_WITHOUT_SESSION =
      """
      UPDATE bot SET last_error_reason = ?, updated_at = now()
       WHERE account_id = ?
         AND NOT EXISTS (SELECT 1 FROM telegram_session s
                          WHERE s.assigned_account_id = bot.account_id AND %s)
      """
          .formatted(SessionSql.usableNow("s"));

  /** Parameters: reason, account. */
  static final String SHOW_ERROR =
      "UPDATE bot SET last_error_reason = ?, updated_at = now() WHERE account_id = ?";
}
