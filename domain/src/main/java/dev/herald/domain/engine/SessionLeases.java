package dev.herald.domain.engine;

import java.time.Duration;

/**
 * The session leases in the database ({@link SessionLease}): taken before a node opens a session's
 * TDLib client, extended by the engine's heartbeat ({@link LeaseStore#heartbeat}, one statement for
 * all of a node's sessions), given back when the client closed.
 */
public interface SessionLeases {

  /**
   * Takes the lease for {@code node} when nobody holds it, its holder's lease ran out, or {@code
   * node} holds it already (then it is extended); one atomic statement. True when {@code node}
   * holds it now.
   */
  boolean acquire(long sessionId, String node, Duration lease);

  /** Gives the lease back if {@code node} holds it. */
  void release(long sessionId, String node);

  /** Gives back every lease {@code node} holds (its clients are closed). */
  void releaseAll(String node);
}
