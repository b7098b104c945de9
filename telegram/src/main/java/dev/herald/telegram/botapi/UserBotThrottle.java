package dev.herald.telegram.botapi;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.herald.domain.userbot.UserBotRequests;
import dev.herald.domain.userbot.UserBotRequests.Limits;
import dev.herald.telegram.async.AsyncFailures;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A user bot's Bot API requests at the pace its admin set: its requests start at least {@code 1 s /
 * rate_limit_rps} apart (so no second holds more than {@code rate_limit_rps} starts, an idle bot's
 * included) and at most {@code max_concurrent_requests} are in flight, per bot on this node (a
 * bot's cycle runs on one node at a time). A request waits for its turn without holding a thread
 * (Failsafe's bulkhead, then a start reserved on the scheduler); one whose turn is more than {@link
 * #MAX_WAIT} away is answered as unanswered (a transient failure), never sent late. Every {@link
 * #REFRESH} the limits of the bots in use are read again (an admin's change applies within that)
 * and the requests made are added to their {@code total_requests}, on the scheduler: a request
 * never waits for the database, except a bot's first on this node, which reads its limits. Not
 * MicroProfile Fault Tolerance: its {@code @Bulkhead} is one static limit per method.
 */
public final class UserBotThrottle {

  private static final Logger LOG = Logger.getLogger(UserBotThrottle.class.getName());

  static final Duration REFRESH = Duration.ofSeconds(30);

  /** Far more than a cycle's requests take at the slowest limits (1 a second, one at a time). */
  static final Duration MAX_WAIT = Duration.ofMinutes(5);

  /** A bot unused this long is forgotten here (its count written first). */
  static final Duration IDLE = Duration.ofMinutes(10);

  private final UserBotRequests store;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier nanoTime;
  private final Map<Long, Pace> paces = new ConcurrentHashMap<>();

  /**
   * Each bot's next free start, kept apart from its pace (and never forgotten): a pace replaced by
   * new limits, or forgotten while idle, hands its turns on instead of starting afresh.
   */
  private final Map<Long, AtomicLong> nextStarts = new ConcurrentHashMap<>();

  /** Requests made and not yet written, by bot (kept: one counter per bot used here). */
  private final Map<Long, LongAdder> uncounted = new ConcurrentHashMap<>();

  private volatile ScheduledFuture<?> refreshing;
  private volatile boolean storeFailing;

  UserBotThrottle(
      UserBotRequests store, ScheduledExecutorService scheduler, LongSupplier nanoTime) {
    this.store = store;
    this.scheduler = scheduler;
    this.nanoTime = nanoTime;
  }

  /** A throttle that reads limits and writes counts every {@link #REFRESH} on {@code scheduler}. */
  public static UserBotThrottle started(UserBotRequests store, ScheduledExecutorService scheduler) {
    UserBotThrottle throttle = new UserBotThrottle(store, scheduler, System::nanoTime);
    throttle.refreshing =
        scheduler.scheduleWithFixedDelay(
            throttle::refreshQuietly, REFRESH.toNanos(), REFRESH.toNanos(), TimeUnit.NANOSECONDS);
    return throttle;
  }

  /** One bot's limits: the bulkhead of its requests in flight, and its next free start. */
  private final class Pace {
    final Limits limits;
    final FailsafeExecutor<BotApiResponse> atOnce;
    final long interval;
    final AtomicLong nextStart;
    volatile long lastUsed;

    Pace(Limits limits, AtomicLong nextStart) {
      this.limits = limits;
      this.interval = Duration.ofSeconds(1).toNanos() / limits.perSecond();
      this.nextStart = nextStart;
      this.atOnce =
          Failsafe.with(
                  Bulkhead.<BotApiResponse>builder(limits.atOnce())
                      .withMaxWaitTime(MAX_WAIT)
                      .build())
              .with(scheduler);
    }

    /** Reserves the next start: the wait until it, or -1 when it is more than MAX_WAIT away. */
    long reserve(long now) {
      while (true) {
        long next = nextStart.get();
        long start = next - now > 0 ? next : now;
        if (start - now > MAX_WAIT.toNanos()) {
          return -1;
        }
        if (nextStart.compareAndSet(next, start + interval)) {
          return start - now;
        }
      }
    }
  }

  /** {@code request} as the user bot of {@code accountId}, when its limits let it start. */
  CompletableFuture<BotApiResponse> call(
      long accountId, Supplier<CompletableFuture<BotApiResponse>> request) {
    Pace pace = pace(accountId);
    LongAdder made = uncounted.computeIfAbsent(accountId, id -> new LongAdder());
    Supplier<CompletableFuture<BotApiResponse>> start =
        () -> {
          made.increment();
          return request.get();
        };
    return pace.atOnce
        .getStageAsync(
            () -> {
              // The permit is held: now the turn, so no turn is spent waiting for a permit.
              long wait = pace.reserve(nanoTime.getAsLong());
              if (wait < 0) {
                return CompletableFuture.completedFuture(waitedTooLong());
              }
              if (wait == 0) {
                return start.get();
              }
              CompletableFuture<BotApiResponse> started = new CompletableFuture<>();
              scheduler.schedule(
                  () -> {
                    // Completed whatever happens: an open future would hold the permit for good.
                    try {
                      start.get().whenComplete((r, f) -> complete(started, r, f));
                    } catch (Throwable failed) {
                      started.completeExceptionally(failed);
                    }
                  },
                  wait,
                  NANOSECONDS);
              return started;
            })
        .exceptionally(UserBotThrottle::notStarted)
        .toCompletableFuture();
  }

  /** The limits a bot is held to now. */
  Limits limitsOf(long accountId) {
    return pace(accountId).limits;
  }

  /** Writes the counts, reads the limits of the bots in use again, forgets the idle ones. */
  void refresh() {
    long now = nanoTime.getAsLong();
    uncounted.keySet().forEach(this::count);
    paces.forEach(
        (accountId, pace) -> {
          if (now - pace.lastUsed > IDLE.toNanos()) {
            paces.remove(accountId, pace);
            return;
          }
          Limits limits = stored(accountId, pace.limits);
          if (!limits.equals(pace.limits)) {
            // Its spacing goes on from the turns already given; requests already waiting keep
            // the old bulkhead.
            paces.replace(accountId, pace, paced(limits, pace.nextStart, pace.lastUsed));
            LOG.log(
                Level.INFO,
                "User bot of account {0}: {1} requests a second, {2} at once",
                new Object[] {accountId, limits.perSecond(), limits.atOnce()});
          }
        });
  }

  /** Stops refreshing and adds every bot's uncounted requests to its total (a node stopping). */
  public void countAll() {
    ScheduledFuture<?> task = refreshing;
    if (task != null) {
      task.cancel(false);
    }
    uncounted.keySet().forEach(this::count);
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "User bots'' limits not refreshed: {0}", e.toString());
    }
  }

  private Pace pace(long accountId) {
    long now = nanoTime.getAsLong();
    Pace pace = paces.get(accountId);
    if (pace == null) {
      Limits limits = stored(accountId, Limits.DEFAULT); // outside the map's lock
      Pace fresh =
          paced(limits, nextStarts.computeIfAbsent(accountId, id -> new AtomicLong(now)), now);
      pace = paces.putIfAbsent(accountId, fresh);
      pace = pace == null ? fresh : pace;
    }
    pace.lastUsed = now;
    return pace;
  }

  private Pace paced(Limits limits, AtomicLong nextStart, long lastUsed) {
    Pace pace = new Pace(limits, nextStart);
    pace.lastUsed = lastUsed;
    return pace;
  }

  /** The bot's stored limits; the defaults when it has none, {@code known} when unreadable. */
  private Limits stored(long accountId, Limits known) {
    try {
      Limits limits = store.limitsOf(accountId).orElse(Limits.DEFAULT);
      storeFailing = false;
      return limits;
    } catch (RuntimeException unreadable) {
      warnOnce(unreadable);
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
      counter.add(made); // written at the next refresh
      warnOnce(unwritable);
    }
  }

  private void warnOnce(RuntimeException failure) {
    if (!storeFailing) {
      storeFailing = true;
      LOG.log(
          Level.WARNING,
          "User bots'' request limits or counts not read or written (kept as they were): {0}",
          failure.getMessage());
    }
  }

  private static void complete(
      CompletableFuture<BotApiResponse> started, BotApiResponse response, Throwable failure) {
    if (failure != null) {
      started.completeExceptionally(failure);
    } else {
      started.complete(response);
    }
  }

  private static BotApiResponse waitedTooLong() {
    return BotApiResponse.noAnswer(
        "Not sent: its turn under the bot's request limits (rate_limit_rps,"
            + " max_concurrent_requests) was more than "
            + MAX_WAIT.toMinutes()
            + " min away");
  }

  private static BotApiResponse notStarted(Throwable failure) {
    Throwable cause = AsyncFailures.cause(failure);
    if (cause instanceof BulkheadFullException) {
      return waitedTooLong();
    }
    return BotApiResponse.noAnswer("Bot API call failed: " + cause.getClass().getSimpleName());
  }
}
