package dev.herald.telegram.tdlib;

import dev.herald.domain.shared.RepeatedFailureLog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A client's connection to Telegram as TDLib reports it ({@code updateConnectionState}). TDLib
 * takes a message while it cannot reach Telegram and holds it until it can: without this, a node
 * whose network to Telegram is cut (a firewall, a dead proxy, a DC outage) held each post for the
 * whole send timeout and then cancelled it, cycle after cycle, with nothing telling why. A client
 * that has not reached Telegram for {@code offlineAfter} refuses sends at once, saying so; a short
 * reconnect is waited out as before.
 */
final class TdlibConnection {

  static final String READY = "connectionStateReady";

  /** Connected, catching up on updates: messages go out. */
  static final String UPDATING = "connectionStateUpdating";

  private static final Logger LOG = Logger.getLogger(TdlibConnection.class.getName());

  private final InstantSource clock;
  private final RepeatedFailureLog refusals;

  /** Empty until TDLib reports a state (it does once it has its parameters). */
  private String state = "";

  /** When TDLib last went from connected to not; meaningless while connected. */
  private Instant since;

  TdlibConnection(long sessionId, InstantSource clock) {
    this.clock = clock;
    this.refusals = new RepeatedFailureLog(LOG, "Sending as session " + sessionId);
  }

  /**
   * The time without Telegram counts from the last moment it was connected: moving between
   * not-connected states (Connecting, ConnectingToProxy, WaitingForNetwork, as a dead proxy makes
   * TDLib do) does not start it again, or a flapping client would never be refused.
   */
  synchronized void update(String type) {
    if (connected(state) && !connected(type)) {
      since = clock.instant();
    }
    state = type;
    if (connected(type)) {
      refusals.succeeded();
    }
  }

  synchronized String state() {
    return state;
  }

  /**
   * Why a send must not be queued in TDLib now: it has been without Telegram for {@code
   * offlineAfter} or longer; empty while it is connected, or only briefly not.
   */
  Optional<String> offline(Duration offlineAfter) {
    String current;
    Instant from;
    synchronized (this) {
      current = state;
      from = since;
    }
    if (connected(current)) {
      return Optional.empty();
    }
    Duration without = Duration.between(from, clock.instant());
    if (without.compareTo(offlineAfter) < 0) {
      return Optional.empty();
    }
    String why =
        "TDLib has not reached Telegram for "
            + without.toSeconds()
            + " s ("
            + current
            + "): check this node's network to Telegram and the session's proxy";
    refusals.failed(why);
    return Optional.of(why);
  }

  private static boolean connected(String type) {
    return type.isEmpty() || READY.equals(type) || UPDATING.equals(type);
  }
}
