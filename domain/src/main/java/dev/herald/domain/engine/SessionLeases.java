package dev.herald.domain.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * The session leases in the database ({@link SessionLease}): taken before a node opens a session's
 * TDLib client, extended while the client is open ({@link #extend}, one statement for all of a
 * node's clients, six times per lease time), given back when the client closed.
 */
public interface SessionLeases {

  /**
   * Takes the lease for {@code node} when nobody holds it, its holder's lease ran out, or {@code
   * node} holds it already (then it is extended); one atomic statement. True when {@code node}
   * holds it now.
   */
  boolean acquire(long sessionId, String node, Duration lease);

  /**
   * Extends the leases {@code node} still holds among {@code sessionIds} by {@code lease} from now;
   * one statement. Returns those sessions: a session missing from the answer is another node's now.
   */
  Set<Long> extend(String node, Duration lease, Collection<Long> sessionIds);

  /** Gives the lease back if {@code node} holds it. */
  void release(long sessionId, String node);

  /** Gives back every lease {@code node} holds (its clients are closed). */
  void releaseAll(String node);
}
