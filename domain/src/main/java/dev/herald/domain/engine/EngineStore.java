package dev.herald.domain.engine;

import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The forwarding engine's durable state in PostgreSQL: due work, leases, delivery records and
 * counters. Every method is one atomic step; nothing the engine decides is kept only in memory.
 */
public interface EngineStore {

  /** Leases up to {@code limit} running bots due within {@code lookahead} to {@code node}. */
  List<DueCycle> claimDue(String node, Duration lookahead, Duration lease, int limit);

  /**
   * Starts many posts in one committed statement (group commit): writes each one's delivery record,
   * but only while its bot is RUNNING and leased to this node, and only once per (account, cycle,
   * chat) (SPEC rules 6 and 10). The bot rows are share-locked, so a concurrent stop either sees
   * the records or they are never written. Answers in the order of {@code posts}.
   */
  List<DeliveryStart> beginDeliveries(String node, List<Begin> posts);

  /** A post about to be sent: its delivery record is written and committed first. */
  record Begin(DueCycle cycle, String chat, Sender sender) {}

  /**
   * Many finished posts and completed cycles in one transaction, in the order given (the engine's
   * write-behind): outcomes on the delivery records; for each cycle counters, an activity entry,
   * the next run, the lease released and STOPPING bots STOPPED. A completion only applies while the
   * bot is still leased to {@code node} in that cycle; a completion lost in a crash means the cycle
   * runs again, and its delivery records make that re-run skip every chat already attempted (rule
   * 10).
   */
  void flush(String node, List<Finished> finished, List<Completed> completed);

  /** A post whose outcome is known; {@code at} is when the send finished. */
  record Finished(DueCycle cycle, String chat, SendOutcome outcome, Instant at) {}

  /** A cycle that has ended; the bot runs again at {@code nextRunAt}. */
  record Completed(DueCycle cycle, Instant nextRunAt, CycleTally tally) {}

  void coolDownSession(long accountId, long sessionId, Instant until, String reason);

  /** Bans the session, moves it off the account and assigns a replacement, in one transaction. */
  Optional<Long> banAndReplace(long accountId, long sessionId, String reason);

  /** Marks a running bot idle: nothing to send with; the user sees {@code reason}. */
  void markIdle(long accountId, String reason);

  /** Stops running bots whose plan expired or became inactive; returns how many. */
  int stopBotsWithoutPlan();

  /** Keeps this node alive and extends its leases on the bots of {@code heldAccounts}. */
  void heartbeat(String node, Duration lease, List<Long> heldAccounts);

  boolean otherNodesAlive(String node, Duration window);

  /** SPEC rule 5 when no other node is alive: running bots stop with reason RESTART. */
  int stopAllAfterRestart();

  void leave(String node);

  /** Deletes delivery records and activity logs older than {@code cutoff}, in batches. */
  long deleteOlderThan(Instant cutoff, int batchSize);
}
