package dev.herald.domain.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SPEC rule 15: one node at a time has a session open. A node holds a session's lease while its
 * TDLib client of that session is open ({@link SessionLeases#acquire} before opening, {@link
 * SessionLeases#extend} six times per lease time while it is open, released after the client
 * closed); a dead node's lease runs out and another node may take it, and a node that could not
 * extend its leases closes its clients before they run out.
 *
 * <p>The engine deals sessions so that they stay where they are open: a cycle on a node gets only
 * the sessions no other node holds ({@link #dealable}), and a node does not claim a bot whose every
 * usable session another node holds ({@link #claimable}): that node claims it. The claim statement
 * repeats both rules in SQL ({@code LeaseSql.CLAIM_DUE}).
 */
public record SessionLease(long sessionId, String ownerNode, Instant until) {

  /** Another node holds it and its lease has not run out. */
  public boolean heldElsewhere(String node, Instant now) {
    return !ownerNode.equals(node) && until.isAfter(now);
  }

  /** The usable sessions a cycle on {@code node} may use: those no other node holds. */
  public static List<Long> dealable(
      List<Long> usable, Map<Long, SessionLease> leases, String node, Instant now) {
    return usable.stream()
        .filter(id -> !leases.containsKey(id) || !leases.get(id).heldElsewhere(node, now))
        .toList();
  }

  /**
   * Whether {@code node} may claim a bot with these usable sessions: unless it has some and other
   * nodes hold them all (a bot without usable sessions is claimed, so the cycle says why it idles).
   */
  public static boolean claimable(
      List<Long> usable, Map<Long, SessionLease> leases, String node, Instant now) {
    return usable.isEmpty() || !dealable(usable, leases, node, now).isEmpty();
  }
}
