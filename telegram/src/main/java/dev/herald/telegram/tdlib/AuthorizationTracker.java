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

  /**
   * {@code wanted} is asked of each new state; {@code started}: fails at once when TDLib refuses
   * the client's parameters ({@link #refuse}).
   */
  private record Waiter(
      Predicate<JsonObject> wanted, CompletableFuture<JsonObject> state, boolean started) {}

  private final List<Waiter> waiters = new ArrayList<>();
  private JsonObject state;

  /** Why TDLib refused the client's parameters; null unless it did. */
  private String refusal;

  void update(JsonObject newState) {
    List<Waiter> matched = new ArrayList<>();
    synchronized (this) {
      state = newState;
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (waiter.state().isDone() || waiter.wanted().test(newState)) {
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
  CompletableFuture<JsonObject> next(Predicate<String> wanted) {
    return waitFor(state -> wanted.test(TdlibJson.type(state)), false);
  }

  /** The latest state object (null before the first). */
  synchronized JsonObject current() {
    return state;
  }

  /** The first state reported after {@code previous}, even one of the same type. */
  CompletableFuture<JsonObject> nextAfter(JsonObject previous) {
    return waitFor(state -> state != previous, false);
  }

  /**
   * The first state after TDLib took the client's parameters (a login step, or ready). Fails with
   * {@link ParametersRefused} at once, instead of at the caller's timeout, once TDLib refused them:
   * the client then waits for parameters for good.
   */
  CompletableFuture<JsonObject> started() {
    return waitFor(
        state -> !AuthorizationStates.WAIT_PARAMETERS.equals(TdlibJson.type(state)), true);
  }

  private synchronized CompletableFuture<JsonObject> waitFor(
      Predicate<JsonObject> wanted, boolean started) {
    if (state != null && wanted.test(state)) {
      return CompletableFuture.completedFuture(state);
    }
    if (started && refusal != null) {
      return CompletableFuture.failedFuture(new ParametersRefused(refusal));
    }
    CompletableFuture<JsonObject> future = new CompletableFuture<>();
    waiters.add(new Waiter(wanted, future, started));
    return future;
  }

  /**
   * TDLib refused the client's parameters ({@code why}): whoever waits for it to start hears so.
   */
  void refuse(String why) {
    List<Waiter> failed = new ArrayList<>();
    synchronized (this) {
      refusal = why;
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (waiter.started()) {
          failed.add(waiter);
          it.remove();
        }
      }
    }
    failed.forEach(waiter -> waiter.state().completeExceptionally(new ParametersRefused(why)));
  }

  /** Why TDLib refused the client's parameters, if it did. */
  synchronized Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** TDLib refused the client's parameters: it will never start. */
  static final class ParametersRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParametersRefused(String why) {
      super(why);
    }
  }

  /** Blocking form of {@link #next}, empty at the deadline. */
  Optional<JsonObject> await(Predicate<String> wanted, Duration timeout)
      throws InterruptedException {
    return await(next(wanted), timeout);
  }

  /**
   * The state {@code future} (of {@link #next}, {@link #nextAfter} or {@link #started}) completes
   * with; empty at the deadline, or when it failed (TDLib refused to start).
   */
  static Optional<JsonObject> await(CompletableFuture<JsonObject> future, Duration timeout)
      throws InterruptedException {
    try {
      return Optional.of(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException late) {
      future.cancel(false); // Dropped from the list at the next update.
      return Optional.empty();
    } catch (ExecutionException refused) {
      return Optional.empty();
    }
  }
}
