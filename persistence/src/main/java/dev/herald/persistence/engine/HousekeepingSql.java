package dev.herald.persistence.engine;

import dev.herald.domain.activity.ActivityEvent;
import dev.herald.persistence.bot.BotSql;

/** The statements of {@link JdbcHousekeeping}. */
final class HousekeepingSql {

  private HousekeepingSql() {}

  /**
   * SPEC rule 4, stopping as a user's stop does ({@link BotSql#stoppedStatus}). Starts from the
   * accounts whose plan stops bots ({@link PlanSql#BLOCKED_ACCOUNTS}), not from every running bot.
   * Returns one row per stopped bot; logs why in the same statement.
   */
  static final String STOP_BOTS_WITHOUT_PLAN =
      """
      WITH blocked AS (
        %s),
      stopped AS (
        UPDATE bot b
           SET status = %s,
               stop_reason = %s,
               next_run_at = NULL, updated_at = now()
          FROM blocked, account a
         WHERE a.id = blocked.id AND b.account_id = a.id AND b.status = 'RUNNING'
        RETURNING b.account_id, b.stop_reason)
      INSERT INTO activity_log (account_id, event, reason_code, message, created_at)
      SELECT account_id, '%s', stop_reason, 'Stopped: the plan no longer allows running', now()
        FROM stopped
      RETURNING account_id
      """
          .formatted(
              PlanSql.BLOCKED_ACCOUNTS,
              BotSql.stoppedStatus("b"),
              PlanSql.stopReason("a"),
              ActivityEvent.AUTO_STOPPED.name());

  /**
   * A STOPPING bot whose node died never gets its cycle completed: it is settled once the lease is
   * gone (V22's partial index finds the few STOPPING bots).
   */
  static final String SETTLE_ABANDONED_STOPPING =
      """
      UPDATE bot SET status = 'STOPPED', lease_owner = NULL, lease_until = NULL, updated_at = now()
       WHERE status = 'STOPPING' AND (lease_until IS NULL OR lease_until < now())
      """;

  /** Parameters: cutoff, batch size. */
  static final String DELETE_OLD_DELIVERIES =
      "DELETE FROM delivery_record WHERE id IN (SELECT id FROM delivery_record WHERE started_at < ?"
          + " LIMIT ?)";

  /** Parameters: cutoff, batch size. */
  static final String DELETE_OLD_ACTIVITY =
      "DELETE FROM activity_log WHERE id IN (SELECT id FROM activity_log WHERE created_at < ? LIMIT"
          + " ?)";

  /**
   * The flush numbers of write-behinds that have not flushed for a day (V98): engines stopped,
   * whose flushes are retried for a lease's time at most. A fixed horizon, not the retention's
   * (which may be 0 days); one row per engine start, so no batches; and no sub-select, so a row its
   * engine updates meanwhile is checked again, and kept.
   */
  static final String DELETE_STOPPED_FLUSH_WRITERS =
      "DELETE FROM ledger_flush WHERE flushed_at < now() - interval '1 day'";

  /**
   * Media no post names ({@code bot.content_json}'s {@code posts[].media[].id}, see BotPostsJson),
   * uploaded before the cutoff. Parameters: cutoff, batch size.
   */
  static final String DELETE_ORPHAN_MEDIA =
      """
      DELETE FROM medium WHERE id IN (
        SELECT m.id FROM medium m
         WHERE m.created_at < ?
           AND NOT EXISTS (
             SELECT 1 FROM bot b
              WHERE b.account_id = m.account_id AND b.content_json IS NOT NULL
                AND CAST(b.content_json AS JSONB) @> jsonb_build_object('posts', jsonb_build_array(
                      jsonb_build_object('media', jsonb_build_array(jsonb_build_object('id', m.id))))))
         LIMIT ?)
      """;

  /**
   * Lifts UNAVAILABLE sessions whose back-off is over back to their account's senders (to the pool
   * when their account was deleted meanwhile); the park's reason goes with the state. The rows are
   * locked in id order, as {@code SessionSql.RELEASE_BEYOND} locks an account's sessions, and a row
   * another transaction holds is lifted at the next sweep (SKIP LOCKED): the sweep of many rows
   * never waits for, nor deadlocks with, a plan change taking sessions off an account.
   */
  static final String LIFT_UNAVAILABLE =
      """
      UPDATE telegram_session
         SET state = CASE WHEN assigned_account_id IS NULL THEN 'UNUSED' ELSE 'ASSIGNED' END,
             state_reason = NULL, state_since = now(),
             flood_wait_until = NULL, updated_at = now(), version = version + 1
       WHERE id IN (SELECT id FROM telegram_session
                     WHERE state = 'UNAVAILABLE' AND flood_wait_until <= now()
                     ORDER BY id
                       FOR NO KEY UPDATE SKIP LOCKED)
         AND state = 'UNAVAILABLE' AND flood_wait_until <= now()
      """;
}
