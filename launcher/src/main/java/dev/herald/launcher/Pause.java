package dev.herald.launcher;

import java.time.Duration;

/** A pause between two polls of a deadline loop (never a wait for something to happen). */
public final class Pause {

  private Pause() {}

  /** Sleeps {@code duration}; an interrupt keeps the flag and ends the caller's loop. */
  public static void of(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
