package dev.herald.domain.session;

import java.util.Optional;

/**
 * Where a pooled session's TDLib state lives between nodes: the snapshot of what TDLib needs to
 * reopen the logged-in session (its binlog, already encrypted by TDLib with the session's own
 * database key). The adapter encrypts it again with Herald's data key. A snapshot is written after
 * login, whenever it changes and on close, and restored on whichever node opens the session, so the
 * node's TDLib folder is only a cache.
 */
public interface SessionStateStore {

  /**
   * Stores the snapshot unless the stored one has the same {@code sha256} (of the plain snapshot);
   * returns whether anything was written. {@code node} names the writer, for people reading it.
   */
  boolean save(long sessionId, byte[] snapshot, String sha256, String node);

  Optional<StoredSessionState> load(long sessionId);

  /** The session logged out or was deleted: its state must not be restored again. */
  void delete(long sessionId);
}
