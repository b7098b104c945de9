package dev.herald.persistence.engine;

/** The statements of the login-step mailbox ({@link JdbcLoginStepMailbox}). */
final class LoginStepSql {

  private LoginStepSql() {}

  /**
   * Leaves a step only while another node holds the session's lease, and deletes the steps nobody
   * read for ten minutes (an asker that died). Parameters: session, kind, secret, node; then
   * session and node for the lease. Returns the step's id.
   */
  static final String POST =
      """
      WITH stale AS (
        DELETE FROM session_login_step WHERE asked_at < now() - interval '10 minutes')
      INSERT INTO session_login_step (session_id, kind, secret, asked_by)
      SELECT ?, ?, ?, ?
       WHERE %s
      RETURNING id
      """
          .formatted(SessionLeaseSql.heldElsewhere("?"));

  /**
   * Takes the oldest step asked of the given sessions (one a round: a step behind one that runs
   * long is left to be forgotten by its asker, not run after it gave up), each once (rows another
   * taker has locked are skipped) and asked recently enough that their askers still wait, clearing
   * their secrets; the secret returned is the one before. Parameters: session ids, seconds, node.
   */
  static final String TAKE =
      """
      WITH asked AS (
        SELECT id, secret FROM session_login_step
         WHERE session_id = ANY(?) AND taken_by IS NULL
           AND asked_at > now() - make_interval(secs => ?)
         ORDER BY id
         LIMIT 1
           FOR UPDATE SKIP LOCKED)
      UPDATE session_login_step s SET taken_by = ?, secret = NULL
        FROM asked
       WHERE s.id = asked.id
      RETURNING s.id, s.session_id, s.kind, asked.secret
      """;

  /** Parameters: step, detail, id. */
  static final String ANSWER =
      "UPDATE session_login_step SET answer_step = ?, answer_detail = ? WHERE id = ?";

  /** Reads an answer and forgets its step, in one statement. Parameter: id. */
  static final String ANSWER_OF =
      "DELETE FROM session_login_step WHERE id = ? AND answer_step IS NOT NULL"
          + " RETURNING answer_step, answer_detail";

  /** Forgets a step nobody took yet. Parameter: id. */
  static final String FORGET = "DELETE FROM session_login_step WHERE id = ? AND taken_by IS NULL";
}
