package dev.herald.telegram.tdlib;

import dev.herald.domain.engine.SessionLeases;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * SPEC rule 15 at the TDLib client: this node takes a session's lease before it opens the session's
 * client and gives it back after the client closed, so no two nodes have a client of one
 * authorization open (Telegram answers two with {@code AUTH_KEY_DUPLICATED} and revokes the
 * session). The node extends the leases of its open clients six times per lease time ({@link
 * #extend}) and closes a client whose lease it lost or could not extend in time ({@link
 * TdlibLeaseKeeper}).
 */
public interface ClientLeases {

  /** True when this node holds the session's lease now (taken, or already its own). */
  boolean acquire(long sessionId);

  /** Extends the leases this node still holds among {@code sessionIds}; returns those. */
  Set<Long> extend(Collection<Long> sessionIds);

  void release(long sessionId);

  void releaseAll();

  /** How long a lease lasts once taken or extended; zero for leases that never run out. */
  default Duration term() {
    return Duration.ZERO;
  }

  /** No database (tests, tools): one process, every session is its own. */
  static ClientLeases none() {
    return new ClientLeases() {
      @Override
      public boolean acquire(long sessionId) {
        return true;
      }

      @Override
      public Set<Long> extend(Collection<Long> sessionIds) {
        return Set.copyOf(sessionIds);
      }

      @Override
      public void release(long sessionId) {}

      @Override
      public void releaseAll() {}
    };
  }

  /** The leases in {@code store}, held as {@code node} for {@code lease} at a time. */
  static ClientLeases of(SessionLeases store, String node, Duration lease) {
    return new ClientLeases() {
      @Override
      public boolean acquire(long sessionId) {
        return store.acquire(sessionId, node, lease);
      }

      @Override
      public Set<Long> extend(Collection<Long> sessionIds) {
        return store.extend(node, lease, sessionIds);
      }

      @Override
      public void release(long sessionId) {
        store.release(sessionId, node);
      }

      @Override
      public void releaseAll() {
        store.releaseAll(node);
      }

      @Override
      public Duration term() {
        return lease;
      }
    };
  }
}
