package dev.herald.telegram.botapi;

import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.herald.domain.userbot.UserBotRequests;
import dev.herald.domain.userbot.UserBotRequests.Limits;
import dev.herald.telegram.async.AsyncFailures;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A user bot's Bot API requests at the pace its admin set: at most {@code rate_limit_rps} start in
 * a second (evenly spaced) and at most {@code max_concurrent_requests} are in flight, per bot on
 * this node (a bot's cycle runs on one node at a time). A request waits for its turn without
 * holding a thread (Failsafe's bulkhead and smooth rate limiter); one that waited {@link #MAX_WAIT}
 * is answered as unanswered (a transient failure), never sent late. Every {@link #REFRESH} of a
 * bot's use its limits are read again (an admin's change applies within that) and the requests made
 * since are added to its {@code total_requests}. Not MicroProfile Fault Tolerance: its
 * {@code @Bulkhead} is one static limit per method, and these are per bot and change at runtime.
 */
public final class UserBotThrottle {

  private static final Logger LOG = Logger.getLogger(UserBotThrottle.class.getName());

  static final Duration REFRESH = Duration.ofSeconds(30);

  /** Far more than a cycle's requests take at the slowest limits (1 a second, one at a time). */
  static final Duration MAX_WAIT = Duration.ofMinutes(5);

  private final UserBotRequests store;
  private final LongSupplier nanoTime;
  private final Map<Long, Pace> paces = new ConcurrentHashMap<>();
  private final Map<Long, LongAdder> uncounted = new ConcurrentHashMap<>();
  private volatile boolean storeFailing;

  public UserBotThrottle(UserBotRequests store) {
    this(store, System::nanoTime);
  }

  UserBotThrottle(UserBotRequests store, LongSupplier nanoTime) {
    this.store = store;
    this.nanoTime = nanoTime;
  }

  /** One bot's limits as policies, and when they are read next. */
  private static final class Pace {
    final Limits limits;
    final FailsafeExecutor<BotApiResponse> policies;
    final AtomicLong readNextAt;

    Pace(Limits limits, long now) {
      this.limits = limits;
      this.readNextAt = new AtomicLong(now + REFRESH.toNanos());
      // The permit to be in flight first, then the slot in the second: a request waiting for a
      // slot holds its permit, and no slot is spent by one still waiting for a permit.
      this.policies =
          Failsafe.with(
                  Bulkhead.<BotApiResponse>builder(limits.atOnce())
                      .withMaxWaitTime(MAX_WAIT)
                      .build())
              .compose(
                  RateLimiter.<BotApiResponse>smoothBuilder(
                          limits.perSecond(), Duration.ofSeconds(1))
                      .withMaxWaitTime(MAX_WAIT)
                      .build());
    }

    /** True for the one caller that reads the limits again now. */
    boolean due(long now) {
      long next = readNextAt.get();
      return now - next >= 0 && readNextAt.compareAndSet(next, now + REFRESH.toNanos());
    }
  }

  /** {@code request} as the user bot of {@code accountId}, when its limits let it start. */
  CompletableFuture<BotApiResponse> call(
      long accountId, Supplier<CompletableFuture<BotApiResponse>> request) {
    LongAdder made = uncounted.computeIfAbsent(accountId, id -> new LongAdder());
    return current(accountId)
        .policies
        .getStageAsync(
            () -> {
              made.increment();
              return request.get();
            })
        .exceptionally(UserBotThrottle::notStarted)
        .toCompletableFuture();
  }

  /** The limits a bot is held to now. */
  Limits limitsOf(long accountId) {
    return current(accountId).limits;
  }

  /** Adds every bot's uncounted requests to its total (a node stopping). */
  public void countAll() {
    uncounted.keySet().forEach(this::count);
  }

  private Pace current(long accountId) {
    long now = nanoTime.getAsLong();
    Pace pace = paces.computeIfAbsent(accountId, id -> new Pace(stored(id, Limits.DEFAULT), now));
    if (!pace.due(now)) {
      return pace;
    }
    count(accountId);
    Limits limits = stored(accountId, pace.limits);
    if (limits.equals(pace.limits)) {
      return pace;
    }
    Pace changed = new Pace(limits, now); // requests already waiting keep the old pace
    paces.put(accountId, changed);
    LOG.log(
        Level.INFO,
        "User bot of account {0}: {1} requests a second, {2} at once",
        new Object[] {accountId, limits.perSecond(), limits.atOnce()});
    return changed;
  }

  /** The bot's stored limits; the defaults when it has none, {@code known} when unreadable. */
  private Limits stored(long accountId, Limits known) {
    try {
      Limits limits = store.limitsOf(accountId).orElse(Limits.DEFAULT);
      storeFailing = false;
      return limits;
    } catch (RuntimeException unreadable) {
      warnOnce("read", unreadable);
      return known;
    }
  }

  private void count(long accountId) {
    LongAdder counter = uncounted.get(accountId);
    long made = counter == null ? 0 : counter.sumThenReset();
    if (made == 0) {
      return;
    }
    try {
      store.count(accountId, made);
    } catch (RuntimeException unwritable) {
      counter.add(made); // counted at the next refresh
      warnOnce("count", unwritable);
    }
  }

  private void warnOnce(String what, RuntimeException failure) {
    if (!storeFailing) {
      storeFailing = true;
      LOG.log(
          Level.WARNING,
          "User bots'' request limits could not be {0} (kept as they were): {1}",
          new Object[] {"read".equals(what) ? "read" : "counted", failure.getMessage()});
    }
  }

  private static BotApiResponse notStarted(Throwable failure) {
    Throwable cause = AsyncFailures.cause(failure);
    if (cause instanceof BulkheadFullException || cause instanceof RateLimitExceededException) {
      return BotApiResponse.noAnswer(
          "Not sent: waited "
              + MAX_WAIT.toMinutes()
              + " min for the bot's request limits (rate_limit_rps, max_concurrent_requests)");
    }
    return BotApiResponse.noAnswer("Bot API call failed: " + cause.getClass().getSimpleName());
  }
}
