package dev.herald.telegram.tdlib;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The latest {@code authorizationState} of one client, and futures for a state the login flow or a
 * send needs. They complete when the state arrives, never by polling.
 */
final class AuthorizationTracker {

  private record Waiter(Predicate<String> wanted, CompletableFuture<JsonObject> state) {}

  private final List<Waiter> waiters = new ArrayList<>();
  private JsonObject state;

  void update(JsonObject newState) {
    List<Waiter> matched = new ArrayList<>();
    synchronized (this) {
      state = newState;
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (waiter.state().isDone() || waiter.wanted().test(TdlibJson.type(newState))) {
          matched.add(waiter);
          it.remove();
        }
      }
    }
    matched.forEach(waiter -> waiter.state().complete(newState));
  }

  synchronized String currentType() {
    return TdlibJson.type(state);
  }

  /** The current state if it matches, else the first later one that does. */
  synchronized CompletableFuture<JsonObject> next(Predicate<String> wanted) {
    if (state != null && wanted.test(TdlibJson.type(state))) {
      return CompletableFuture.completedFuture(state);
    }
    CompletableFuture<JsonObject> future = new CompletableFuture<>();
    waiters.add(new Waiter(wanted, future));
    return future;
  }

  /** Blocking form of {@link #next}, empty at the deadline. */
  Optional<JsonObject> await(Predicate<String> wanted, Duration timeout)
      throws InterruptedException {
    CompletableFuture<JsonObject> future = next(wanted);
    try {
      return Optional.of(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException late) {
      future.cancel(false); // Dropped from the list at the next update.
      return Optional.empty();
    } catch (ExecutionException impossible) {
      return Optional.empty();
    }
  }
}
