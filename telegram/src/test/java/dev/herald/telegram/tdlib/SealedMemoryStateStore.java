package dev.herald.telegram.tdlib;

import dev.herald.domain.session.SessionStateStore;
import dev.herald.domain.session.StoredSessionState;
import dev.herald.domain.shared.crypto.DataCipher;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SessionStateStore} in memory with JdbcSessionStateStore's rules (sealed with a real {@link
 * DataCipher}, an equal hash not rewritten), counting the writes. The JDBC adapter itself is tested
 * against PostgreSQL in the persistence module.
 */
final class SealedMemoryStateStore implements SessionStateStore {

  private record Row(String ciphertext, String sha256, Instant updatedAt, String node) {}

  final AtomicInteger writes = new AtomicInteger();
  private final Map<Long, Row> rows = new ConcurrentHashMap<>();
  private final DataCipher cipher;

  SealedMemoryStateStore() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.cipher = DataCipher.of(key);
  }

  @Override
  public boolean save(long sessionId, byte[] snapshot, String sha256, String node) {
    Row old = rows.get(sessionId);
    if (old != null && old.sha256().equals(sha256)) {
      return false;
    }
    rows.put(sessionId, new Row(cipher.encryptBytes(snapshot), sha256, Instant.now(), node));
    writes.incrementAndGet();
    return true;
  }

  @Override
  public Optional<StoredSessionState> load(long sessionId) {
    return Optional.ofNullable(rows.get(sessionId))
        .map(
            row ->
                new StoredSessionState(
                    sessionId,
                    cipher.decryptBytes(row.ciphertext()),
                    row.sha256(),
                    row.updatedAt(),
                    row.node()));
  }

  @Override
  public void delete(long sessionId) {
    rows.remove(sessionId);
  }
}
