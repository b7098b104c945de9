package dev.herald.persistence.engine;

/** A database step of the engine failed; the engine logs it and retries on its next tick. */
public class EngineStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EngineStoreException(String step, Throwable cause) {
    super("Engine store: could not " + step + ": " + cause.getMessage(), cause);
  }
}
