package dev.herald.telegram.tdlib;

import dev.herald.domain.session.SessionStateStore;
import dev.herald.domain.session.StoredSessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each session's TDLib state in the {@link SessionStateStore}, so the node's TDLib folder is
 * only a cache: restores the stored state before a client opens, saves it when the session is
 * logged in, every {@code checkEvery} while its binlog changes, and on close. Saves run on one
 * thread of its own, never on TDLib's receive loop; a store that fails is logged and retried at the
 * next check, the session keeps working from its folder.
 */
final class TdlibStateKeeper implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TdlibStateKeeper.class.getName());

  /** What was last saved for a logged-in session: its binlog's size and time, and the hash. */
  private record Saved(Path folder, long size, long modified, String sha256) {}

  /** Not in {@link AuthorizationStates}: only the keeper acts on it. */
  private static final String LOGGING_OUT = "authorizationStateLoggingOut";

  private final SessionStateStore store;
  private final String node;
  private final ScheduledExecutorService saver;
  private final Map<Long, Saved> loggedIn = new ConcurrentHashMap<>();

  TdlibStateKeeper(
      SessionStateStore store, String node, ThreadFactory threads, Duration checkEvery) {
    this.store = store;
    this.node = node;
    this.saver = Executors.newSingleThreadScheduledExecutor(threads);
    saver.scheduleWithFixedDelay(
        this::saveChanged, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Before a client opens: the stored state replaces the folder's when the folder has none, or an
   * older different one. A folder newer than the store (written here after the last save) is kept.
   * When the store has no state, a binlog left in the folder is not used ({@link
   * #distrustLeftOverBinlog}). When the store cannot be read the folder is used as it is.
   */
  void restoreBeforeOpen(long sessionId, Path folder) {
    Optional<StoredSessionState> stored;
    try {
      stored = store.load(sessionId);
    } catch (RuntimeException unreadable) {
      openingLocalFolder(sessionId, "unreadable", unreadable);
      return;
    }
    if (stored.isEmpty()) {
      distrustLeftOverBinlog(sessionId, folder);
      return;
    }
    Optional<TdlibStateSnapshot> local = TdlibStateSnapshot.of(folder);
    if (local.isPresent() && local.get().sha256().equals(stored.get().sha256())) {
      return;
    }
    if (local.isEmpty() || lastModified(folder).isBefore(stored.get().updatedAt())) {
      try {
        new TdlibStateSnapshot(stored.get().snapshot(), stored.get().sha256()).restoreInto(folder);
      } catch (RuntimeException unusable) {
        openingLocalFolder(sessionId, "not restored", unusable);
        return;
      }
      LOG.log(
          Level.INFO,
          "Session {0}: TDLib state restored from the database (written by {1} at {2})",
          new Object[] {sessionId, stored.get().updatedByNode(), stored.get().updatedAt()});
    }
  }

  /**
   * The database holds no state for the session: it was logged out (TDLib destroyed its database
   * wherever it was open then), or it never finished a login. A binlog this node's folder still
   * holds is then a leftover, from before the session moved to another node and was logged out
   * there: TDLib would report it logged in from that binlog without asking Telegram, and its first
   * send would be answered {@code AUTH_KEY_UNREGISTERED}, read as a ban of an account Telegram
   * never banned (rule 14). The folder is a cache of the database, so the binlog goes and the
   * client starts waiting for a login.
   */
  private void distrustLeftOverBinlog(long sessionId, Path folder) {
    for (Path binlog : TdlibStateSnapshot.binlogs(folder)) {
      try {
        Files.delete(binlog);
        LOG.log(
            Level.INFO,
            "Session {0}: no stored state (logged out, or never logged in); the binlog left in"
                + " this node''s folder is not used",
            sessionId);
      } catch (IOException e) {
        openingLocalFolder(sessionId, "left-over binlog not removed", new UncheckedIOException(e));
      }
    }
  }

  /**
   * Follows a new client: logged in, its state is saved now and whenever its binlog changes;
   * closed, saved a last time; logged out by TDLib (revoked, banned, duplicated), TDLib has
   * destroyed its database and the stored state is deleted, so no node restores a dead
   * authorization.
   */
  void watch(TdlibSessionClient client) {
    long sessionId = client.sessionId();
    Path folder = client.databaseDirectory();
    AuthorizationTracker authorization = client.authorization();
    authorization
        .next(AuthorizationStates.READY::equals)
        .thenRun(() -> submit(() -> loggedIn(sessionId, folder)));
    authorization.next(LOGGING_OUT::equals).thenRun(() -> submit(() -> loggedOut(sessionId)));
    authorization
        .next(AuthorizationStates.CLOSED::equals)
        .thenRun(() -> submit(() -> closed(sessionId)));
  }

  void loggedIn(long sessionId, Path folder) {
    loggedIn.put(sessionId, new Saved(folder, -1, -1, ""));
    saveIfChanged(sessionId);
  }

  private void loggedOut(long sessionId) {
    loggedIn.remove(sessionId);
    try {
      store.delete(sessionId);
      LOG.log(Level.INFO, "Session {0}: logged out by TDLib; stored state deleted", sessionId);
    } catch (RuntimeException failed) {
      LOG.log(
          Level.WARNING,
          "Session {0}: stored state of a logged-out session not deleted: {1}",
          new Object[] {sessionId, failed.toString()});
    }
  }

  private void closed(long sessionId) {
    saveIfChanged(sessionId);
    loggedIn.remove(sessionId);
  }

  /** Runs on the saver thread; after {@link #close()} there is nothing left to save. */
  private void submit(Runnable work) {
    try {
      saver.execute(work);
    } catch (RejectedExecutionException shutDown) {
      LOG.log(Level.FINE, "TDLib state keeper closed; a late event is dropped");
    }
  }

  /** Every logged-in session's last state, synchronously (bounded): the clients are closed. */
  @Override
  public void close() {
    submit(this::saveChanged);
    saver.shutdown();
    try {
      if (!saver.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warning("TDLib states were not all saved within 10 s");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Checks every logged-in session now (tests; the schedule does it every {@code checkEvery}). */
  Future<?> checkNow() {
    return saver.submit(this::saveChanged);
  }

  private void saveChanged() {
    loggedIn.keySet().forEach(this::saveIfChanged);
  }

  /** Cheap check first (binlog size and time), then the hash; the store skips equal hashes too. */
  private void saveIfChanged(long sessionId) {
    Saved last = loggedIn.get(sessionId);
    if (last == null) {
      return;
    }
    try {
      Path binlog = TdlibStateSnapshot.binlogs(last.folder()).stream().findFirst().orElse(null);
      if (binlog == null) {
        return; // Logged out: TDLib removed its database; nothing worth restoring.
      }
      long size = Files.size(binlog);
      long modified = Files.getLastModifiedTime(binlog).toMillis();
      if (size == last.size() && modified == last.modified()) {
        return;
      }
      Optional<TdlibStateSnapshot> snapshot = TdlibStateSnapshot.of(last.folder());
      if (snapshot.isEmpty()) {
        return;
      }
      String sha = snapshot.get().sha256();
      if (!sha.equals(last.sha256())) {
        store.save(sessionId, snapshot.get().bytes(), sha, node);
      }
      loggedIn.computeIfPresent(
          sessionId, (id, old) -> new Saved(old.folder(), size, modified, sha));
    } catch (IOException | RuntimeException failed) {
      LOG.log(
          Level.WARNING,
          "Session {0}: TDLib state not saved, retried at the next check: {1}",
          new Object[] {sessionId, failed.toString()});
    }
  }

  /** The stored state was of no use ({@code why}): TDLib opens the local folder as it is. */
  private static void openingLocalFolder(long sessionId, String why, RuntimeException failure) {
    LOG.log(
        Level.WARNING,
        "Session {0}: stored TDLib state {1}, opening the local folder: {2}",
        new Object[] {sessionId, why, failure.getMessage()});
  }

  private static Instant lastModified(Path folder) {
    return TdlibStateSnapshot.binlogs(folder).stream()
        .map(
            binlog -> {
              try {
                return Files.getLastModifiedTime(binlog).toInstant();
              } catch (IOException gone) {
                return Instant.EPOCH;
              }
            })
        .max(Instant::compareTo)
        .orElse(Instant.EPOCH);
  }
}
