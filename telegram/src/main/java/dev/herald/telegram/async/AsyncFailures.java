package dev.herald.telegram.async;

import java.util.concurrent.CompletionException;

/** The failures of {@code CompletableFuture}s as the transports read them. */
public final class AsyncFailures {

  private AsyncFailures() {}

  /**
   * What went wrong: a dependent stage sees its source's failure wrapped in a {@link
   * CompletionException}, the source itself sees it bare; both give the same cause here.
   */
  public static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
