package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.TdlibFolders.storeSnapshot;
import static dev.herald.telegram.tdlib.TdlibFolders.withBinlog;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.session.SessionStateStore;
import dev.herald.domain.session.StoredSessionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the keeper saves and restores, driven by hand (no TDLib): {@link #checkNow} is one tick. */
class TdlibStateKeeperTest {

  @TempDir Path temp;

  private final SealedMemoryStateStore memory = new SealedMemoryStateStore();
  private final AtomicInteger saveCalls = new AtomicInteger();
  private final SessionStateStore store =
      new SessionStateStore() {
        @Override
        public boolean save(long sessionId, byte[] snapshot, String sha256, String node) {
          saveCalls.incrementAndGet();
          return memory.save(sessionId, snapshot, sha256, node);
        }

        @Override
        public Optional<StoredSessionState> load(long sessionId) {
          return memory.load(sessionId);
        }

        @Override
        public void delete(long sessionId) {
          memory.delete(sessionId);
        }
      };

  /** Checked only when the test says so. */
  private final TdlibStateKeeper keeper =
      new TdlibStateKeeper(store, "node-a", Thread::new, Duration.ofHours(1));

  @AfterEach
  void close() {
    keeper.close();
  }

  private void checkNow() throws Exception {
    keeper.checkNow().get();
  }

  @Test
  void aLoggedInSessionIsSavedAndSavedAgainOnlyWhenItsBinlogChanged() throws Exception {
    Path folder = temp.resolve("session-1");
    Path binlog = withBinlog(folder, (byte) 1);
    keeper.loggedIn(1, folder);
    checkNow();
    assertEquals(1, saveCalls.get());

    checkNow(); // nothing changed: not even hashed again
    Files.setLastModifiedTime(binlog, FileTime.from(Instant.now().plusSeconds(5)));
    checkNow(); // touched, same bytes: hashed, not written
    assertEquals(1, saveCalls.get());

    Files.write(binlog, new byte[] {1, 2});
    checkNow();
    assertEquals(2, saveCalls.get());
    assertEquals(2, memory.writes.get());
    assertArrayEquals(
        TdlibStateSnapshot.of(folder).orElseThrow().bytes(),
        memory.load(1).orElseThrow().snapshot());
  }

  @Test
  void openRestoresIntoAMissingFolderAndOverAnOlderOneButKeepsANewerOne() throws Exception {
    Path elsewhere = temp.resolve("node-a");
    withBinlog(elsewhere, (byte) 4, (byte) 2);
    storeSnapshot(memory, 1, elsewhere, "node-a");

    Path missing = temp.resolve("node-b").resolve("session-1");
    keeper.restoreBeforeOpen(1, missing);
    assertArrayEquals(new byte[] {4, 2}, Files.readAllBytes(missing.resolve("td.binlog")));

    Path older = temp.resolve("node-c");
    withBinlog(older, Instant.now().minus(Duration.ofDays(1)), (byte) 1);
    keeper.restoreBeforeOpen(1, older);
    assertArrayEquals(new byte[] {4, 2}, Files.readAllBytes(older.resolve("td.binlog")));

    Path newer = temp.resolve("node-d");
    withBinlog(newer, Instant.now().plus(Duration.ofMinutes(1)), (byte) 9);
    keeper.restoreBeforeOpen(1, newer);
    assertArrayEquals(new byte[] {9}, Files.readAllBytes(newer.resolve("td.binlog")));
  }

  @Test
  void aStoredStateThatIsNotASnapshotLeavesTheFolderAsItIs() throws Exception {
    memory.save(3, "not a zip".getBytes(), "c".repeat(64), "node-b");
    Path folder = temp.resolve("session-3");
    Path binlog = withBinlog(folder, Instant.now().minus(Duration.ofDays(1)), (byte) 3);

    keeper.restoreBeforeOpen(3, folder);

    assertArrayEquals(new byte[] {3}, Files.readAllBytes(binlog));
  }

  @Test
  void withoutAStoredStateABinlogLeftInTheFolderIsNotUsed() throws Exception {
    // Logged out on another node (the stored state deleted): this node's old copy of the dead
    // authorization must not log the session in (its first send would read as a ban).
    Path folder = temp.resolve("session-2");
    withBinlog(folder, (byte) 3);
    keeper.restoreBeforeOpen(2, folder);
    assertFalse(Files.exists(folder.resolve("td.binlog")));
    assertTrue(memory.load(2).isEmpty());
  }
}
