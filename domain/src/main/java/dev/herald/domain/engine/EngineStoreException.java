package dev.herald.domain.engine;

/**
 * A step of the engine's stores failed. The store says whether it could not be reached (down,
 * restarting, the connection lost): then the same step may succeed once it is back, where a step
 * the store refused would fail again. The engine tells the two apart by this flag, not by the
 * database's error codes, which only the store knows: a delivery record not written hands its cycle
 * back when the store could not be reached, and ends that lane when the store refused it; a claim
 * or a flush is tried again on a later tick either way.
 */
public class EngineStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean unreachable;

  public EngineStoreException(String step, Throwable cause, boolean unreachable) {
    super("Engine store: could not " + step + ": " + cause.getMessage(), cause);
    this.unreachable = unreachable;
  }

  /** Whether the store could not be reached, so the same step may succeed once it is back. */
  public boolean unreachable() {
    return unreachable;
  }

  /**
   * Whether {@code failure} or one of its causes (a future wraps what its task threw) is a store
   * that could not be reached.
   */
  public static boolean unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof EngineStoreException store && store.unreachable) {
        return true;
      }
    }
    return false;
  }
}
