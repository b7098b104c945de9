package dev.herald.telegram.tdlib;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SPEC rule 15 while a client is open. Each {@link #tick} extends the leases of this node's open
 * (and closing) clients in one statement ({@link ClientLeases#extend}): a client whose lease
 * another node holds now is closed at once, and when the leases could not be extended for {@code
 * fenceAfter} (the database unreachable, the node stalled), every client is closed while its lease
 * still runs. Past its lease another node may take it and open its own client, and two clients on
 * one authorization make Telegram revoke it ({@code AUTH_KEY_DUPLICATED}): the session would need a
 * new login. A client closed here is opened again by its next send, under a lease taken anew.
 *
 * <p>Why {@code fenceAfter} is half the lease: an extension sets the lease to the lease time from
 * the database's now, which is after the tick started, so the last tick that succeeded keeps every
 * lease it named until at least its start plus the lease time; half of it is left for the clients
 * to close.
 */
final class TdlibLeaseKeeper {

  private static final Logger LOG = Logger.getLogger(TdlibLeaseKeeper.class.getName());

  private final ClientLeases leases;
  private final Supplier<Set<Long>> openClients;
  private final LongConsumer closeClient;
  private final long fenceAfterNanos;
  private final LongSupplier nanos;

  /** When the last tick that reached the lease store started ({@link System#nanoTime} scale). */
  private long confirmedAt;

  /**
   * {@code openClients}: the sessions whose client is open or closing here; {@code closeClient}
   * closes one; {@code nanos}: a monotonic clock.
   */
  TdlibLeaseKeeper(
      ClientLeases leases,
      Supplier<Set<Long>> openClients,
      LongConsumer closeClient,
      Duration fenceAfter,
      LongSupplier nanos) {
    this.leases = leases;
    this.openClients = openClients;
    this.closeClient = closeClient;
    this.fenceAfterNanos = fenceAfter.toNanos();
    this.nanos = nanos;
    this.confirmedAt = nanos.getAsLong();
  }

  synchronized void tick() {
    long started = nanos.getAsLong();
    Set<Long> open = openClients.get();
    if (open.isEmpty()) {
      confirmedAt = started; // nothing held that could run out
      return;
    }
    Set<Long> held;
    try {
      held = leases.extend(open);
    } catch (RuntimeException unreachable) {
      if (started - confirmedAt >= fenceAfterNanos) {
        LOG.log(
            Level.WARNING,
            "Session leases not extended for {0} ms ({1}): closing sessions {2} before another"
                + " node may open them",
            new Object[] {(started - confirmedAt) / 1_000_000, unreachable.getMessage(), open});
        open.forEach(closeClient::accept);
      }
      return;
    }
    confirmedAt = started;
    for (long sessionId : open) {
      if (!held.contains(sessionId)) {
        LOG.log(
            Level.WARNING,
            "Session {0}: its lease is another node''s now; its client here is closed",
            sessionId);
        closeClient.accept(sessionId);
      }
    }
  }
}
