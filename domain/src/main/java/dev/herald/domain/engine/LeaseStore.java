package dev.herald.domain.engine;

import java.time.Duration;
import java.util.List;

/**
 * Leases and nodes: which node runs which bot's cycle, and which nodes are alive. A lease is held
 * from the claim until the cycle's completion is written ({@link DeliveryLedger#flush}); a node
 * that dies loses its leases when they run out, and live nodes claim the cycles again.
 */
public interface LeaseStore {

  /** Leases up to {@code limit} running bots due within {@code lookahead} to {@code node}. */
  List<DueCycle> claimDue(String node, Duration lookahead, Duration lease, int limit);

  /**
   * Keeps this node alive and extends its leases on the bots of {@code heldAccounts} (the session
   * leases are the TDLib transport's to keep: {@link SessionLeases#extend}).
   */
  void heartbeat(String node, Duration lease, List<Long> heldAccounts);

  boolean otherNodesAlive(String node, Duration window);

  /** SPEC rule 5 when no other node is alive: running bots stop with reason RESTART. */
  int stopAllAfterRestart();

  /** This node stops: its leases are released (STOPPING bots become STOPPED) and it is gone. */
  void leave(String node);
}
