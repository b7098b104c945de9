package dev.herald.telegram.tdlib;

import dev.herald.domain.engine.SessionLeases;
import java.time.Duration;

/**
 * SPEC rule 15 at the TDLib client: this node takes a session's lease before it opens the session's
 * client and gives it back after the client closed, so no two nodes have a client of one
 * authorization open (Telegram answers two with {@code AUTH_KEY_DUPLICATED} and revokes the
 * session). The engine's heartbeat extends the leases while the node lives.
 */
public interface ClientLeases {

  /** True when this node holds the session's lease now (taken, or already its own). */
  boolean acquire(long sessionId);

  void release(long sessionId);

  void releaseAll();

  /** No database (tests, tools): one process, every session is its own. */
  static ClientLeases none() {
    return new ClientLeases() {
      @Override
      public boolean acquire(long sessionId) {
        return true;
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
      public void release(long sessionId) {
        store.release(sessionId, node);
      }

      @Override
      public void releaseAll() {
        store.releaseAll(node);
      }
    };
  }
}
