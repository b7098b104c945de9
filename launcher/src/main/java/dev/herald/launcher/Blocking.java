package dev.herald.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A blocking call of the launcher, a test client or a benchmark, where a failure ends the caller
 * anyway: an {@link IOException} is rethrown unchecked, and an interrupt keeps the thread's flag
 * and ends the caller with an {@link IllegalStateException}.
 */
public final class Blocking {

  /** The call: I/O, or a wait that an interrupt may end. */
  public interface Call<T> {
    T call() throws IOException, InterruptedException;
  }

  private Blocking() {}

  public static <T> T call(Call<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
