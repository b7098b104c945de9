package dev.herald.persistence.bot;

/**
 * The bot row's stop, in SQL. Whether a stopped bot is STOPPING or STOPPED depends on the lease,
 * which only the engine's statements write; so every stop (a user's, the plan sweep's) is one
 * conditional UPDATE evaluated under the row lock, and never a read-modify-write through JPA that
 * could act on a lease the engine has meanwhile released.
 */
public final class BotSql {

  private BotSql() {}

  /**
   * The status a stopped bot takes: {@code STOPPING} while its cycle is in flight (the bot row
   * {@code alias} holds a live lease; the engine settles it when the cycle completes), else {@code
   * STOPPED}.
   */
  public static String stoppedStatus(String alias) {
    return "CASE WHEN " + alias + ".lease_until > now() THEN 'STOPPING' ELSE 'STOPPED' END";
  }

  /**
   * {@code BotRepository.replanDeferred}: "deferred" is a next run further away than the delay
   * between cycles with the most jitter (1.5 times) and a second; only a bot between cycles (no
   * lease). Parameter: account.
   */
  public static final String REPLAN_DEFERRED =
      """
      UPDATE bot SET next_run_at = now(), updated_at = now()
       WHERE account_id = ? AND status = 'RUNNING' AND lease_owner IS NULL
         AND next_run_at > now() + make_interval(secs => delay_between_cycles_s * 1.5 + 1)
      """;

  /**
   * {@code BotRepository.outdateRunningCycle}. Every running bot is marked, leased or not: the
   * claim clears the mark, and the row lock this takes orders the change against a claim running at
   * the same moment (the claim skips the locked row and reads the new terms after the commit, or
   * leased it first and its cycle finds the mark). Testing the lease here would let a claim that
   * read the old terms lease the bot unmarked. Parameter: account.
   */
  public static final String OUTDATE_RUNNING_CYCLE =
      """
      UPDATE bot SET cycle_outdated = true WHERE account_id = ? AND status = 'RUNNING'
      """;

  /** Parameters: stop reason, account. A stopped or suspended bot is left as it is. */
  public static final String REQUEST_STOP =
      """
      UPDATE bot b SET status = %s, stop_reason = ?, next_run_at = NULL, updated_at = now()
       WHERE b.account_id = ? AND b.status IN ('RUNNING', 'STOPPING')
      """
          .formatted(stoppedStatus("b"));
}
