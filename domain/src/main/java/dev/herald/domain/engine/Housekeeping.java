package dev.herald.domain.engine;

import java.time.Instant;

/** The engine's periodic sweeps: plans that stopped allowing a bot to run, and old rows. */
public interface Housekeeping {

  /**
   * Stops running bots whose plan expired or became inactive (SPEC rule 4), and settles STOPPING
   * bots whose node died; returns how many bots the plan stopped.
   */
  int stopBotsWithoutPlan();

  /**
   * Returns {@code UNAVAILABLE} sessions whose back-off is over to their account's senders ({@code
   * ASSIGNED}); a session that still cannot send is parked again by its next send. Returns how
   * many.
   */
  int liftUnavailable();

  /**
   * Deletes delivery records and activity logs older than {@code cutoff}, in batches, and returns
   * how many; and the flush numbers of engines that have not flushed for a day ({@link
   * DeliveryLedger.FlushId}).
   */
  long deleteOlderThan(Instant cutoff, int batchSize);

  /**
   * Deletes orphaned media: uploaded before {@code cutoff} and named by no bot's post (their
   * senders' file ids go with them). Returns how many.
   */
  long deleteOrphanMedia(Instant cutoff, int batchSize);
}
