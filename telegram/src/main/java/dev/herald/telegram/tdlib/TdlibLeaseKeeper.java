package dev.herald.telegram.tdlib;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SPEC rule 15 while a client is open. {@link #extend} extends the leases of this node's open (and
 * closing) clients in one statement ({@link ClientLeases#extend}) and closes at once a client whose
 * lease another node holds now. {@link #fence}, run on its own so that an extension stuck on an
 * unreachable database cannot hold it up, closes every client once the leases went unextended for
 * {@code fenceAfter}, while they still run: past its lease another node may take it and open its
 * own client, and two clients on one authorization make Telegram revoke it ({@code
 * AUTH_KEY_DUPLICATED}), so the session would need a new login. A client closed here is opened
 * again by its next send, under a lease taken anew.
 *
 * <p>Why {@code fenceAfter} is half the lease: an extension sets the lease to the lease time from
 * the database's now, which is after the extension started, so the last one that succeeded keeps
 * every lease it named until at least its start plus the lease time; half of it is left for the
 * clients to close.
 *
 * @param <C> a client: only the very client an extension found is closed, never one opened since
 */
final class TdlibLeaseKeeper<C> {

  private static final Logger LOG = Logger.getLogger(TdlibLeaseKeeper.class.getName());

  private final ClientLeases leases;
  private final Supplier<Map<Long, C>> openClients;
  private final BiConsumer<Long, C> closeClient;
  private final long fenceAfterNanos;
  private final LongSupplier nanos;

  /** When the last extension that reached the lease store started ({@link System#nanoTime}). */
  private volatile long confirmedAt;

  /**
   * {@code openClients}: the clients open or closing here, by session; {@code closeClient} closes
   * one (if it is still that session's); {@code nanos}: a monotonic clock.
   */
  TdlibLeaseKeeper(
      ClientLeases leases,
      Supplier<Map<Long, C>> openClients,
      BiConsumer<Long, C> closeClient,
      Duration fenceAfter,
      LongSupplier nanos) {
    this.leases = leases;
    this.openClients = openClients;
    this.closeClient = closeClient;
    this.fenceAfterNanos = fenceAfter.toNanos();
    this.nanos = nanos;
    this.confirmedAt = nanos.getAsLong();
  }

  /** Extends the open clients' leases; closes those another node holds now. May block. */
  void extend() {
    long started = nanos.getAsLong();
    Map<Long, C> open = openClients.get();
    if (open.isEmpty()) {
      confirm(started); // nothing held that could run out
      return;
    }
    Set<Long> held;
    try {
      held = leases.extend(open.keySet());
    } catch (RuntimeException unreachable) {
      LOG.log(Level.FINE, "Session leases not extended this time: {0}", unreachable.getMessage());
      return; // fence() closes the clients in time if this goes on
    }
    confirm(started);
    open.forEach(
        (sessionId, client) -> {
          if (!held.contains(sessionId)) {
            LOG.log(
                Level.WARNING,
                "Session {0}: its lease is another node''s now; its client here is closed",
                sessionId);
            closeClient.accept(sessionId, client);
          }
        });
  }

  /** Closes every open client when the leases went unextended for too long. Never blocks. */
  void fence() {
    long unconfirmed = nanos.getAsLong() - confirmedAt;
    if (unconfirmed < fenceAfterNanos) {
      return;
    }
    Map<Long, C> open = openClients.get();
    if (!open.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Session leases not extended for {0} ms: closing sessions {1} before another node may"
              + " open them",
          new Object[] {unconfirmed / 1_000_000, open.keySet()});
      open.forEach(closeClient);
    }
  }

  private synchronized void confirm(long started) {
    if (started - confirmedAt > 0) {
      confirmedAt = started;
    }
  }
}
