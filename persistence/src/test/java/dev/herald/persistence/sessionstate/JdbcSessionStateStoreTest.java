package dev.herald.persistence.sessionstate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.session.StoredSessionState;
import dev.herald.domain.shared.crypto.DataCipher;
import dev.herald.domain.shared.crypto.DecryptionException;
import dev.herald.persistence.DatabaseTest;
import dev.herald.persistence.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSessionStateStoreTest extends DatabaseTest {

  private final DataCipher cipher = DataCipher.of(key());
  private final JdbcSessionStateStore store =
      new JdbcSessionStateStore(TestDatabase.dataSource(), cipher);
  private long session;

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @BeforeEach
  void aFreeSession() {
    session = rows.session(rows.apiPair(10), "UNUSED", null, null);
  }

  @Test
  void aSavedSnapshotIsLoadedBackOnAnyNodeAndIsEncryptedAtRest() {
    byte[] snapshot = "binlog bytes".getBytes(StandardCharsets.UTF_8);

    assertTrue(store.save(session, snapshot, "a".repeat(64), "node-a"));

    StoredSessionState loaded = store.load(session).orElseThrow();
    assertArrayEquals(snapshot, loaded.snapshot());
    assertEquals("a".repeat(64), loaded.sha256());
    assertEquals("node-a", loaded.updatedByNode());
    String stored =
        rows.text("SELECT ciphertext FROM session_tdlib_state WHERE session_id = ?", session);
    assertTrue(stored.startsWith("v1:" + cipher.currentKeyId() + ":"), stored);
    assertFalse(stored.contains("binlog"));
  }

  @Test
  void anUnchangedSnapshotIsNotRewrittenAndAChangedOneIs() {
    assertTrue(store.save(session, new byte[] {1}, "a".repeat(64), "node-a"));
    String first =
        rows.text("SELECT ciphertext FROM session_tdlib_state WHERE session_id = ?", session);

    assertFalse(store.save(session, new byte[] {1}, "a".repeat(64), "node-b"));
    assertEquals(
        first,
        rows.text("SELECT ciphertext FROM session_tdlib_state WHERE session_id = ?", session));
    assertEquals("node-a", store.load(session).orElseThrow().updatedByNode());

    assertTrue(store.save(session, new byte[] {2}, "b".repeat(64), "node-b"));
    StoredSessionState changed = store.load(session).orElseThrow();
    assertArrayEquals(new byte[] {2}, changed.snapshot());
    assertEquals("node-b", changed.updatedByNode());
  }

  @Test
  void aMissingOrDeletedStateIsEmptyAndADeletedSessionTakesItsStateAlong() {
    assertTrue(store.load(session).isEmpty());
    store.save(session, new byte[] {1}, "a".repeat(64), "node-a");
    store.delete(session);
    assertTrue(store.load(session).isEmpty());

    store.save(session, new byte[] {1}, "a".repeat(64), "node-a");
    rows.update("DELETE FROM telegram_session WHERE id = ?", session);
    assertEquals(0, rows.count("SELECT count(*) FROM session_tdlib_state"));
  }

  @Test
  void aStateSealedUnderAnotherDataKeyIsRefusedNotRestored() {
    store.save(session, new byte[] {1}, "a".repeat(64), "node-a");
    JdbcSessionStateStore otherKey =
        new JdbcSessionStateStore(TestDatabase.dataSource(), DataCipher.of(key()));
    assertThrows(DecryptionException.class, () -> otherKey.load(session));
  }
}
