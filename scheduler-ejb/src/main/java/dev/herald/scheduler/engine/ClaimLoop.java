package dev.herald.scheduler.engine;

import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.LeaseStore;
import dev.herald.domain.shared.RepeatedFailureLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Leases what is due soon and hands each cycle to the timer at its planned time; one claimer at a
 * time. Claims stop at the backlog limit (cycles leased but not started, posts waiting for their
 * record): a node never leases more than it can start, so the rest stays free for other nodes and
 * the heartbeat extends a bounded number of leases.
 */
final class ClaimLoop {

  private static final Logger LOG = Logger.getLogger(ClaimLoop.class.getName());

  /** How far ahead, for how long and how much one node claims. */
  record Limits(Duration lookahead, Duration lease, int batch, int maxBacklog) {}

  private final String node;
  private final LeaseStore leases;
  private final Limits limits;
  private final HeldLeases held;
  private final ScheduledExecutorService timer;
  private final Executor ticker;
  private final Clock clock;
  private final EngineMetrics metrics;
  private final IntSupplier postsWaiting;
  private final Consumer<DueCycle> fire;
  private final AtomicBoolean claiming = new AtomicBoolean();

  /** The last claim stopped at the backlog limit: claim again as soon as the backlog shrinks. */
  private final AtomicBoolean heldBack = new AtomicBoolean();

  /** Leased cycles whose timer has not fired yet. */
  private final AtomicInteger timers = new AtomicInteger();

  /** While the database is away, a claim fails at every poll (ten times a second). */
  private final RepeatedFailureLog claimFailures =
      new RepeatedFailureLog(LOG, "Claiming due cycles");

  /** What the engine reads for a whole claimed batch before its cycles start (their targets). */
  private volatile Consumer<List<DueCycle>> onClaimed = claimed -> {};

  /**
   * {@code timer} fires each cycle at its planned time; {@code ticker} runs an early claim; {@code
   * postsWaiting} is the other half of the backlog (posts waiting for their record).
   */
  ClaimLoop(
      String node,
      LeaseStore leases,
      Limits limits,
      HeldLeases held,
      ScheduledExecutorService timer,
      Executor ticker,
      Clock clock,
      EngineMetrics metrics,
      IntSupplier postsWaiting,
      Consumer<DueCycle> fire) {
    this.node = node;
    this.leases = leases;
    this.limits = limits;
    this.held = held;
    this.timer = timer;
    this.ticker = ticker;
    this.clock = clock;
    this.metrics = metrics;
    this.postsWaiting = postsWaiting;
    this.fire = fire;
  }

  /** Called with every claimed batch, before any of its cycles fires. */
  ClaimLoop onClaimed(Consumer<List<DueCycle>> hook) {
    this.onClaimed = hook;
    return this;
  }

  void claim() {
    if (!claiming.compareAndSet(false, true)) {
      return;
    }
    try {
      int room;
      heldBack.set(false);
      while ((room = Math.min(limits.batch(), limits.maxBacklog() - backlog())) > 0) {
        List<DueCycle> claimed = leases.claimDue(node, limits.lookahead(), limits.lease(), room);
        onClaimed.accept(claimed);
        Instant now = clock.instant();
        timers.addAndGet(claimed.size());
        Map<Long, List<DueCycle>> byDelay = new HashMap<>();
        for (DueCycle cycle : claimed) {
          held.claimed(cycle.accountId());
          metrics.claimed(Duration.between(cycle.plannedAt(), now).toMillis());
          long delay = Math.max(0, Duration.between(now, cycle.plannedAt()).toMillis());
          byDelay.computeIfAbsent(delay, d -> new ArrayList<>()).add(cycle);
        }
        byDelay.forEach(
            (delay, cycles) -> timer.schedule(() -> fireAll(cycles), delay, TimeUnit.MILLISECONDS));
        if (claimed.size() < room) {
          break;
        }
      }
      if (room <= 0) {
        heldBack.set(true);
      }
      claimFailures.succeeded();
    } catch (RuntimeException e) {
      claimFailures.failed(e.getMessage());
    } finally {
      claiming.set(false);
    }
  }

  /**
   * Fires the cycles due at the same millisecond from one timer task: a task of the managed
   * executor captures and restores the application's thread context each time, and a burst of due
   * cycles is hundreds per claim. A cycle's start only queues its first delivery record, so the
   * last of them starts as soon as if each had its own task.
   */
  private void fireAll(List<DueCycle> cycles) {
    for (DueCycle cycle : cycles) {
      timers.decrementAndGet();
      try {
        fire.accept(cycle);
      } catch (RuntimeException e) {
        // No lane started: held, its lease would be extended for ever and the bot never run
        // again (nor stop when asked). Given up, the lease runs out and any node runs it again.
        held.released(cycle.accountId());
        LOG.log(
            Level.WARNING,
            "Starting the cycle of account {0} failed: {1}",
            new Object[] {cycle.accountId(), e.getMessage()});
      }
    }
  }

  /**
   * After a batch of starts: if the last claim was held back by the backlog limit and the backlog
   * fell to half of it, claim at once instead of at the next poll (otherwise the poll suffices: a
   * claim after every batch would scan the due index hundreds of times a second).
   */
  void claimIfRoom() {
    if (heldBack.get() && backlog() <= limits.maxBacklog() / 2 && !claiming.get()) {
      ticker.execute(this::claim);
    }
  }

  /** Cycles leased and not started, and posts waiting for their record. */
  int backlog() {
    return timers.get() + postsWaiting.getAsInt();
  }
}
