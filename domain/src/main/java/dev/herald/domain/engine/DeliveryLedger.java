package dev.herald.domain.engine;

import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The delivery ledger: one record per (account, cycle, chat), written and committed before the send
 * (SPEC rule 10), its outcome after; and the end of each cycle with its counters.
 */
public interface DeliveryLedger {

  /**
   * Starts many posts in one committed statement (group commit): writes each one's delivery record,
   * but only while its bot is RUNNING, its plan allows running and it is leased to this node under
   * the claim that leased the post's cycle ({@link DueCycle#lease}), and only once per (account,
   * cycle, chat) (SPEC rules 6 and 10). The bot rows are share-locked, so a concurrent stop either
   * sees the records or they are never written. Answers in the order of {@code posts}.
   */
  List<DeliveryStart> beginDeliveries(String node, List<Begin> posts);

  /**
   * Many finished posts and completed cycles in one transaction (the engine's write-behind):
   * outcomes on the delivery records; for each cycle counters, an activity entry, the next run, the
   * lease released and STOPPING bots STOPPED. A completion only applies while the bot is still
   * leased to {@code node} in that cycle, under the claim that leased it; a completion lost in a
   * crash means the cycle runs again, and its delivery records make that re-run skip every chat
   * already attempted (rule 10), but for one whose sender sent nothing ({@code
   * SendOutcome.retryableByAnotherSender}), tried once more. A flush whose {@code id} was committed
   * already writes nothing and returns normally (see {@link FlushId}).
   */
  void flush(String node, FlushId id, List<Finished> finished, List<Completed> completed);

  /**
   * Which flush this is: its writer's id (one per engine start) and the writer's count of flushes,
   * increasing. A flush whose commit fails may have been committed all the same (the connection
   * lost as the commit went out). Its writer retries it under the same id, with some of its items
   * at most (none added): the ledger keeps each writer's last committed number and writes nothing
   * for a number not above it. Without it the retry would count the cycles' posts again, log their
   * activity entries and announce their deliveries again (a completion applied again would find the
   * bot released, or leased under another claim: it completes nothing).
   */
  record FlushId(UUID writer, long number) {}

  /** A post about to be sent: its delivery record is written and committed first. */
  record Begin(DueCycle cycle, String chat, Sender sender) {}

  /** A post whose outcome is known; {@code at} is when the send finished. */
  record Finished(DueCycle cycle, String chat, SendOutcome outcome, Instant at) {}

  /**
   * A cycle that has ended; the bot runs again at {@code nextRunAt}. Its posts ({@link #posts})
   * count against the daily cap of the tenant's day {@code day} (null: not counted). {@code
   * summary} is its activity entry when the engine saw every outcome of the cycle itself; null: the
   * ledger counts the cycle's delivery records (a cycle continued after another run of it, or one
   * whose lane failed). A cycle that delivered something clears the bot's last error, unless {@code
   * keepsError}: Telegram refused one of its posts, which the tenant must fix whatever else went
   * out. A cycle {@code handedBack} ({@link DeliveryStart#CYCLE_OUTDATED}, a sender lost, a
   * delivery record not written) is not ended: it keeps its id, is due at {@code nextRunAt} to be
   * continued under the new terms, and has no activity entry of its own.
   */
  record Completed(
      DueCycle cycle,
      Instant nextRunAt,
      CycleTally tally,
      LocalDate day,
      CycleSummary summary,
      boolean keepsError,
      boolean handedBack) {

    public Completed(
        DueCycle cycle,
        Instant nextRunAt,
        CycleTally tally,
        LocalDate day,
        CycleSummary summary,
        boolean keepsError) {
      this(cycle, nextRunAt, tally, day, summary, keepsError, false);
    }

    public Completed(
        DueCycle cycle, Instant nextRunAt, CycleTally tally, LocalDate day, CycleSummary summary) {
      this(cycle, nextRunAt, tally, day, summary, false);
    }

    /**
     * The run of a cycle whose terms changed (or that lost a sender, or could not write a record),
     * handed back to be continued at {@code now}.
     */
    public static Completed handedBack(
        DueCycle cycle, Instant now, CycleTally tally, LocalDate day, boolean keepsError) {
      return new Completed(cycle, now, tally, day, null, keepsError, true);
    }

    /** A completion counted against no day, its entry from the records (tests and tools). */
    public Completed(DueCycle cycle, Instant nextRunAt, CycleTally tally) {
      this(cycle, nextRunAt, tally, null, null);
    }

    /**
     * The posts this completion counts against {@code day}: the tally's, and those of the cycle's
     * earlier runs that no completion counted ({@link DailyCap#uncounted}).
     */
    public int posts() {
      return tally.posts() + cycle.dailyCap().uncounted();
    }

    /** Whether this completion clears the bot's last error. */
    public boolean clearsError() {
      return tally.delivered() > 0 && !keepsError;
    }
  }
}
