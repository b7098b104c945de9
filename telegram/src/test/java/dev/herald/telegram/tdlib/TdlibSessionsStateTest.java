package dev.herald.telegram.tdlib;

import static dev.herald.telegram.tdlib.FakeTdlibSessions.API;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.logIn;
import static dev.herald.telegram.tdlib.FakeTdlibSessions.over;
import static dev.herald.telegram.tdlib.TdlibFolders.storeSnapshot;
import static dev.herald.telegram.tdlib.TdlibFolders.withBinlog;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The state hooks of {@link TdlibSessions} against {@link FakeTdJson} (which writes no files: the
 * tests write the binlog TDLib would): stored when logged in and on close, deleted when TDLib logs
 * out, restored when a client opens.
 */
class TdlibSessionsStateTest extends FakeTdlibTest {

  private final SealedMemoryStateStore store = new SealedMemoryStateStore();

  @Override
  TdlibSessions open() throws Exception {
    return over(td, dataDir, Duration.ofMillis(800))
        .keepingStateIn(store, "node-a", Duration.ofHours(1)); // only the hooks save in these tests
  }

  private Path binlog(long sessionId, byte... content) throws Exception {
    return withBinlog(dataDir.resolve("session-" + sessionId), content);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(5);
    while (!condition.getAsBoolean()) {
      assertTrue(Instant.now().isBefore(deadline), what);
      Thread.sleep(20);
    }
  }

  private byte[] stored(long sessionId) {
    return store.load(sessionId).map(state -> state.snapshot()).orElse(new byte[0]);
  }

  /**
   * Opens the session's client, then writes its binlog as TDLib would while it runs (the fake
   * writes none; one written before the client opens, with nothing stored, is a leftover the keeper
   * removes).
   */
  private Path openWithBinlog(long sessionId, byte... content) throws Exception {
    sessions.open(sessionId, API);
    return binlog(sessionId, content);
  }

  @Test
  void aLoggedInSessionIsStoredAndItsLastStateOnClose() throws Exception {
    Path binlog = openWithBinlog(1, (byte) 1);
    logIn(sessions, 1);
    byte[] atLogin = TdlibStateSnapshot.of(binlog.getParent()).orElseThrow().bytes();
    await(() -> store.load(1).isPresent(), "stored after login");
    assertArrayEquals(atLogin, stored(1));

    Files.write(binlog, new byte[] {1, 2});
    sessions.close();

    assertArrayEquals(TdlibStateSnapshot.of(binlog.getParent()).orElseThrow().bytes(), stored(1));
    assertEquals(2, store.writes.get());
  }

  @Test
  void aSessionTelegramLoggedOutIsDeletedSoNoNodeRestoresIt() throws Exception {
    openWithBinlog(1, (byte) 1);
    logIn(sessions, 1);
    await(() -> store.load(1).isPresent(), "stored after login");

    td.revoke(1);

    await(() -> store.load(1).isEmpty(), "deleted after TDLib logged out");
  }

  @Test
  void aClientOpensOnTheStoredStateWhenThisNodeHasNone() throws Exception {
    Path elsewhere = dataDir.resolve("other-node");
    withBinlog(elsewhere, (byte) 4, (byte) 2);
    storeSnapshot(store, 7, elsewhere, "node-b");

    TdlibSessionClient client = sessions.open(7, API);

    assertArrayEquals(
        new byte[] {4, 2}, Files.readAllBytes(client.databaseDirectory().resolve("td.binlog")));
  }

  @Test
  void aSessionThatNeverLoggedInIsNotStored() throws Exception {
    binlog(3, (byte) 1);
    sessions.startLogin(3, FakeTdJson.UNREACHABLE_PHONE, API);
    sessions.close();
    assertTrue(store.load(3).isEmpty());
  }
}
