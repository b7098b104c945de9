package dev.herald.telegram.sandbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Completes a result after a delay on one timer thread instead of sleeping in the caller. The
 * thread is created only when a latency is configured, so the default (zero latency) starts none;
 * it only completes futures, and callers continue on their own executor.
 */
final class SandboxDelays implements AutoCloseable {

  private ScheduledExecutorService timer;

  <T> CompletionStage<T> after(Duration delay, T value) {
    if (delay.isZero()) {
      return CompletableFuture.completedFuture(value);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    timer().schedule(() -> result.complete(value), delay.toNanos(), TimeUnit.NANOSECONDS);
    return result;
  }

  private synchronized ScheduledExecutorService timer() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "herald-sandbox-latency");
                thread.setDaemon(true);
                return thread;
              });
    }
    return timer;
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
