package dev.herald.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.persistence.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A node waits for a database that is not there yet, and not for one that refuses it for good. */
class DatabaseWaitTest {

  private static final Duration AT_ONCE = Duration.ofSeconds(20);

  @Test
  void aDatabaseThatDoesNotExistFailsTheStartAtOnceSayingWhy() {
    DatabaseWait wait =
        new DatabaseWait(TestDatabase.dataSource("postgres", "no_such_db"), Duration.ofSeconds(10));

    IllegalStateException refused =
        assertTimeoutPreemptively(
            AT_ONCE, () -> assertThrows(IllegalStateException.class, wait::untilReachable));

    assertTrue(
        refused.getMessage().startsWith("PostgreSQL refused Herald's connection (3D000 "),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("no_such_db"), refused.getMessage());
    assertTrue(refused.getMessage().contains("DB_NAME"), refused.getMessage());
  }

  @Test
  void aUserThatDoesNotExistFailsTheStartAtOnce() {
    DatabaseWait wait =
        new DatabaseWait(TestDatabase.dataSource("nobody", "postgres"), Duration.ofSeconds(10));

    IllegalStateException refused =
        assertTimeoutPreemptively(
            AT_ONCE, () -> assertThrows(IllegalStateException.class, wait::untilReachable));

    assertTrue(refused.getMessage().contains("(28000 "), refused.getMessage());
  }

  @Test
  void aReachableDatabaseIsUsedAtOnce() {
    assertTimeoutPreemptively(
        AT_ONCE,
        () -> new DatabaseWait(TestDatabase.dataSource(), Duration.ofSeconds(10)).untilReachable());
  }

  @Test
  void aDatabaseNotListeningIsWaitedForWithOneWarning() throws Exception {
    PGSimpleDataSource nothingThere = new PGSimpleDataSource();
    nothingThere.setServerNames(new String[] {"localhost"});
    nothingThere.setPortNumbers(new int[] {freePort()});
    nothingThere.setDatabaseName("herald");
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(DatabaseWait.class.getName());
    log.addHandler(handler);
    try {
      CompletableFuture<Void> waiting = new CompletableFuture<>();
      Thread waiter =
          new Thread(
              () -> {
                try {
                  new DatabaseWait(nothingThere, Duration.ofSeconds(10)).untilReachable();
                  waiting.complete(null);
                } catch (RuntimeException e) {
                  waiting.completeExceptionally(e);
                }
              });
      waiter.start();
      Thread.sleep(3500); // attempts at 0, 1 and 3 s

      assertTrue(!waiting.isDone(), "still waiting, not failed: " + waiting);
      assertEquals(1, warnings.size(), "one warning for the whole wait");
      assertTrue(
          warnings.get(0).getMessage().startsWith("PostgreSQL is not reachable"),
          warnings.get(0).getMessage());

      waiter.interrupt();
      ExecutionException stopped =
          assertThrows(ExecutionException.class, () -> waiting.get(20, TimeUnit.SECONDS));
      assertTrue(
          stopped.getCause().getMessage().contains("Stopped while waiting"), stopped::toString);
    } finally {
      log.removeHandler(handler);
    }
  }

  @Test
  void onlyAuthorizationAndMissingDatabaseRefusalsAreFinalWhereverTheyAreWrapped() {
    SQLException wrongPassword = new SQLException("password authentication failed", "28P01");
    SQLException wrapped = new SQLException("pool could not connect", (String) null, wrongPassword);
    assertEquals(Optional.of("28P01"), DatabaseWait.refusal(wrapped));
    assertEquals(Optional.of("3D000"), DatabaseWait.refusal(new SQLException("no db", "3D000")));
    assertEquals(
        Optional.of("08004"),
        DatabaseWait.refusal(
            new SQLException(
                "The server requested SCRAM-based authentication, but no password was provided.",
                "08004")));
    assertEquals(Optional.empty(), DatabaseWait.refusal(new SQLException("refused", "08001")));
    assertEquals(Optional.empty(), DatabaseWait.refusal(new SQLException("starting up", "57P03")));
    assertEquals(Optional.empty(), DatabaseWait.refusal(new SQLException("unknown")));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
