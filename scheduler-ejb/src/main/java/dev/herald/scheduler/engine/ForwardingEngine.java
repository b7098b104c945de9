package dev.herald.scheduler.engine;

import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.EngineStatus;
import dev.herald.domain.engine.EngineStore;
import dev.herald.domain.engine.WakeSignal;
import dev.herald.domain.shared.crypto.DataCipher;
import dev.herald.domain.telegram.TelegramGateway;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scheduler of this node. Due work lives in PostgreSQL; this node leases cycles due within the
 * lookahead ({@code FOR UPDATE SKIP LOCKED}, so any number of nodes share one database) and fires
 * each from the executor's timer at its planned time. A heartbeat keeps the node alive and its
 * leases extended; a node that dies loses its leases within the lease time and live nodes take the
 * cycles over. Starting alone (no other live node) stops every running bot (SPEC rule 5).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrationStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ForwardingEngine {

  private static final Logger LOG = Logger.getLogger(ForwardingEngine.class.getName());

  @Resource(lookup = "concurrent/heraldEngine")
  ManagedScheduledExecutorService executor;

  /**
   * The periodic ticks (heartbeat, claim, write-behind flush, sweeps) run on the default executor,
   * not queued behind the cycles in the engine executor's bounded queue: under a burst a late
   * heartbeat or flush lets leases run out and makes cycles run again.
   */
  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService ticker;

  @Inject EngineStore store;
  @Inject TelegramGateway gateway;
  @Inject EngineSettings settings;
  @Inject EngineMetrics metrics;
  @Inject EngineStatus status;
  @Inject WakeSignal wake;
  @Inject DataCipher cipher;

  private final String node = NodeIdentity.create();
  private final AtomicBoolean claiming = new AtomicBoolean();

  /** The last claim stopped at the backlog limit: claim again as soon as the backlog shrinks. */
  private final AtomicBoolean heldBack = new AtomicBoolean();

  /** Leased cycles whose timer has not fired yet. */
  private final AtomicInteger timers = new AtomicInteger();

  private final HeldLeases held = new HeldLeases();
  private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
  private final Clock clock = Clock.systemUTC();
  private CycleRun.Context context;
  private WriteBehind writes;
  private DeliveryStarts starts;

  @PostConstruct
  void start() {
    if (!settings.enabled()) {
      LOG.info("The forwarding engine is disabled on this node (herald.engine.enabled=false)");
      return;
    }
    writes = new WriteBehind(node, store, clock, settings.lease(), held);
    starts = new DeliveryStarts(node, store, executor, settings.claimBatch());
    starts.afterBatch(this::claimIfRoom);
    context =
        new CycleRun.Context(
            node,
            store,
            gateway,
            settings.outcomePolicy(),
            executor,
            metrics,
            cipher::decrypt,
            starts,
            writes,
            clock);
    if (!store.otherNodesAlive(node, settings.nodeTimeout())) {
      int stopped = store.stopAllAfterRestart();
      LOG.info(
          () ->
              "No other scheduler node is alive: "
                  + stopped
                  + " running bots stopped with reason RESTART");
    }
    heartbeat();
    ticks.add(every(Duration.ofSeconds(1), this::heartbeat, "heartbeat"));
    ticks.add(every(settings.pollInterval(), this::claim, "claim"));
    ticks.add(every(settings.flushInterval(), writes::flush, "write-behind"));
    ticks.add(every(settings.planSweep(), this::sweepPlans, "plan sweep"));
    ticks.add(every(Duration.ofHours(24), this::retention, "retention"));
    wake.onWake(() -> ticker.execute(this::claim));
    LOG.info(() -> "Forwarding engine started on node " + node);
  }

  @PreDestroy
  void stop() {
    ticks.forEach(tick -> tick.cancel(false));
    wake.onWake(() -> {});
    if (writes != null) {
      writes.flush(); // what this node finished is written before its leases are given back
    }
    try {
      store.leave(node);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not release this node's leases: {0}", e.getMessage());
    }
  }

  private ScheduledFuture<?> every(Duration period, Runnable tick, String name) {
    Runnable guarded =
        () -> {
          try {
            tick.run();
          } catch (RuntimeException e) {
            // A failed tick (database down) must not cancel the periodic task.
            LOG.log(Level.WARNING, "Engine {0} failed: {1}", new Object[] {name, e.getMessage()});
          }
        };
    return ticker.scheduleWithFixedDelay(
        guarded, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void heartbeat() {
    store.heartbeat(node, settings.lease(), held.accounts());
    status.heartbeat(node, clock.instant());
  }

  /**
   * Leases what is due soon and hands each cycle to the timer; one claimer at a time. Claims stop
   * at the backlog limit (cycles leased but not started, posts waiting for their record): a node
   * never leases more than it can start, so the rest stays free for other nodes and the heartbeat
   * extends a bounded number of leases.
   */
  void claim() {
    if (!claiming.compareAndSet(false, true)) {
      return;
    }
    try {
      int room;
      heldBack.set(false);
      while ((room = Math.min(settings.claimBatch(), settings.maxBacklog() - backlog())) > 0) {
        List<DueCycle> claimed = store.claimDue(node, settings.lookahead(), settings.lease(), room);
        Instant now = clock.instant();
        timers.addAndGet(claimed.size());
        for (DueCycle cycle : claimed) {
          held.claimed(cycle.accountId());
          metrics.claimed(Duration.between(cycle.plannedAt(), now).toMillis());
          long delay = Math.max(0, Duration.between(now, cycle.plannedAt()).toMillis());
          executor.schedule(() -> fire(cycle), delay, TimeUnit.MILLISECONDS);
        }
        if (claimed.size() < room) {
          break;
        }
      }
      if (room <= 0) {
        heldBack.set(true);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Claiming due cycles failed: {0}", e.getMessage());
    } finally {
      claiming.set(false);
    }
  }

  private int backlog() {
    return timers.get() + starts.waiting();
  }

  /**
   * After a batch of starts: if the last claim was held back by the backlog limit and the backlog
   * fell to half of it, claim at once instead of at the next poll (otherwise the poll suffices: a
   * claim after every batch would scan the due index hundreds of times a second).
   */
  private void claimIfRoom() {
    if (heldBack.get() && backlog() <= settings.maxBacklog() / 2 && !claiming.get()) {
      ticker.execute(this::claim);
    }
  }

  private void fire(DueCycle cycle) {
    timers.decrementAndGet();
    metrics.cycleStarted(Duration.between(cycle.plannedAt(), clock.instant()).toMillis());
    new CycleRun(cycle, context).start();
  }

  private void sweepPlans() {
    int stopped = store.stopBotsWithoutPlan();
    if (stopped > 0) {
      metrics.autoStopped(stopped);
      LOG.info(() -> stopped + " running bots stopped: their plan expired or became inactive");
    }
  }

  private void retention() {
    long deleted = store.deleteOlderThan(clock.instant().minus(settings.retention()), 10_000);
    LOG.info(() -> "Retention: deleted " + deleted + " delivery records and activity log entries");
  }
}
