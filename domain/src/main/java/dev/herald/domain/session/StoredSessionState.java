package dev.herald.domain.session;

import java.time.Instant;

/** A session's stored TDLib snapshot, decrypted, with the SHA-256 (hex) of these bytes. */
public record StoredSessionState(
    long sessionId, byte[] snapshot, String sha256, Instant updatedAt, String updatedByNode) {

  public StoredSessionState {
    snapshot = snapshot.clone();
  }

  @Override
  public byte[] snapshot() {
    return snapshot.clone();
  }
}
