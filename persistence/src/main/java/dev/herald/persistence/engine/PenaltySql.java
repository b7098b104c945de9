package dev.herald.persistence.engine;

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

  /** Parameters: reason, account. */
  static final String MARK_IDLE =
      "UPDATE bot SET last_error_reason = ?, updated_at = now() WHERE account_id = ?";
}
