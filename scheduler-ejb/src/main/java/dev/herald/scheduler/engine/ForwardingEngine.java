package dev.herald.scheduler.engine;

import dev.herald.domain.engine.CensusReads;
import dev.herald.domain.engine.DeliveryLedger;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.engine.EngineStatus;
import dev.herald.domain.engine.Housekeeping;
import dev.herald.domain.engine.LeaseStore;
import dev.herald.domain.engine.SessionPenalties;
import dev.herald.domain.engine.ThisNode;
import dev.herald.domain.engine.WakeSignal;
import dev.herald.domain.shared.RepeatedFailureLog;
import dev.herald.domain.shared.crypto.DataCipher;
import dev.herald.domain.targets.TargetPreparer;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.targets.TargetStore;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.telegram.TextFormatter;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

  /** How often the census gauges are counted. */
  static final Duration CENSUS_INTERVAL = Duration.ofSeconds(15);

  /**
   * A running bot due for longer than this, leased by no node, is overdue: twice the longest a due
   * cycle waits for a node when one dies (its 6 s lease) and then some.
   */
  static final Duration OVERDUE_AFTER = Duration.ofSeconds(30);

  @Resource(lookup = "concurrent/heraldEngine")
  ManagedScheduledExecutorService executor;

  /**
   * The periodic ticks (heartbeat, claim, write-behind flush, sweeps) run on the default executor,
   * not queued behind the cycles in the engine executor's bounded queue: under a burst a late
   * heartbeat or flush lets leases run out and makes cycles run again.
   */
  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService ticker;

  @Inject LeaseStore leases;
  @Inject DeliveryLedger ledger;
  @Inject SessionPenalties penalties;
  @Inject Housekeeping housekeeping;
  @Inject CensusReads census;
  @Inject TelegramGateway gateway;
  @Inject TextFormatter formatter;
  @Inject EngineSettings settings;
  @Inject EngineMetrics metrics;
  @Inject EngineStatus status;
  @Inject WakeSignal wake;
  @Inject DataCipher cipher;
  @Inject Clock clock;
  @Inject TargetStore targetStore;
  @Inject TargetPreparer preparer;

  /** Shared with the TDLib transport: the heartbeat extends the session leases it took too. */
  @Inject ThisNode thisNode;

  private String node;
  private final HeldLeases held = new HeldLeases();
  private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
  private WriteBehind writes;
  private TargetWrites targetWrites;
  private EngineTargets targets;
  private DeliveryStarts starts;
  private ClaimLoop claims;
  private CycleRun.Sending sending;
  private CycleRun.Recording recording;
  private CycleRun.Environment environment;

  @PostConstruct
  void start() {
    node = thisNode.id();
    if (!settings.enabled()) {
      LOG.info("The forwarding engine is disabled on this node (herald.engine.enabled=false)");
      return;
    }
    writes = new WriteBehind(node, ledger, clock, settings.lease(), held);
    targetWrites = new TargetWrites(targetStore);
    targets =
        new EngineTargets(
            targetStore,
            preparer,
            new TargetRules(
                settings.joinsPerHour(), settings.joinWindow(), settings.newChatsPerDay()),
            targetWrites);
    starts = new DeliveryStarts(node, ledger, executor, settings.claimBatch());
    claims =
        new ClaimLoop(
                node,
                leases,
                new ClaimLoop.Limits(
                    settings.lookahead(),
                    settings.lease(),
                    settings.claimBatch(),
                    settings.maxBacklog()),
                held,
                executor,
                ticker,
                clock,
                metrics,
                starts::waiting,
                this::fire)
            .onClaimed(targets::prefetch);
    starts.afterBatch(claims::claimIfRoom);
    sending = new CycleRun.Sending(gateway, settings.outcomePolicy(), cipher::decrypt, formatter);
    recording = new CycleRun.Recording(starts, writes, penalties);
    environment =
        new CycleRun.Environment(executor, clock, metrics, TargetRules.PER_SENDER_INTERVAL);
    if (!leases.otherNodesAlive(node, settings.nodeTimeout())) {
      int stopped = leases.stopAllAfterRestart();
      metrics.stoppedAtRestart(stopped);
      if (stopped > 0) {
        // The largest stop there is: every tenant restarts their bot by hand. In a cluster it
        // means every node was down at once (a drain without a disruption budget, a full restart).
        LOG.warning(
            () ->
                "No other scheduler node is alive: "
                    + stopped
                    + " running bots stopped with reason RESTART; their tenants start them again");
      }
    }
    heartbeat();
    guarded(this::countCensus, "census").run(); // the gauges' figures at once, never a failed start
    ticks.add(every(Duration.ofSeconds(1), this::heartbeat, "heartbeat"));
    ticks.add(every(settings.pollInterval(), claims::claim, "claim"));
    ticks.add(every(settings.flushInterval(), this::flush, "write-behind"));
    ticks.add(every(settings.planSweep(), this::sweepPlans, "plan sweep"));
    ticks.add(every(Duration.ofHours(24), this::retention, "retention"));
    ticks.add(every(CENSUS_INTERVAL, this::countCensus, "census"));
    wake.onWake(() -> ticker.execute(claims::claim));
    LOG.info(() -> "Forwarding engine started on node " + node);
  }

  @PreDestroy
  void stop() {
    ticks.forEach(tick -> tick.cancel(false));
    wake.onWake(() -> {});
    if (writes != null) {
      // What this node finished is written before its leases are given back; the second flush
      // writes what was queued while the first wrote the target changes.
      flush();
      flush();
    }
    try {
      leases.leave(node);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not release this node's leases: {0}", e.getMessage());
    }
  }

  private ScheduledFuture<?> every(Duration period, Runnable tick, String name) {
    return ticker.scheduleWithFixedDelay(
        guarded(tick, name), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * {@code tick}, its failure (the database down) logged once per outage: a periodic task is never
   * cancelled, and one that fails every second must not bury the log.
   */
  private static Runnable guarded(Runnable tick, String name) {
    RepeatedFailureLog failures = new RepeatedFailureLog(LOG, "Engine " + name);
    return () -> {
      try {
        tick.run();
        failures.succeeded();
      } catch (RuntimeException e) {
        failures.failed(e.getMessage());
      }
    };
  }

  /**
   * Target changes first: a cycle's completion is never written before what it learned. A lane
   * queues its target changes before its cycle's completion, so the ledger's items are taken before
   * the targets are written: a completion queued while they are written waits for the next tick
   * rather than going out ahead of its cycle's last target change.
   */
  private void flush() {
    writes.flush(targetWrites::flush);
  }

  private void heartbeat() {
    leases.heartbeat(node, settings.lease(), held.accounts());
    status.heartbeat(node, clock.instant());
  }

  private void fire(DueCycle cycle) {
    metrics.cycleStarted(Duration.between(cycle.plannedAt(), clock.instant()).toMillis());
    new CycleRun(cycle, sending, recording, environment, targets).start();
  }

  /** The plan sweep, and the lift of unavailable sessions whose back-off is over. */
  private void sweepPlans() {
    int lifted = housekeeping.liftUnavailable();
    if (lifted > 0) {
      LOG.fine(() -> lifted + " unavailable sessions are senders again after their back-off");
    }
    int stopped = housekeeping.stopBotsWithoutPlan();
    if (stopped > 0) {
      metrics.autoStopped(stopped);
      LOG.info(() -> stopped + " running bots stopped: their plan expired or became inactive");
    }
  }

  /** The pool and the bots for the gauges: a few rows by index, every {@link #CENSUS_INTERVAL}. */
  private void countCensus() {
    metrics.census(census.count(OVERDUE_AFTER));
  }

  private void retention() {
    long deleted =
        housekeeping.deleteOlderThan(clock.instant().minus(settings.retention()), 10_000);
    LOG.info(() -> "Retention: deleted " + deleted + " delivery records and activity log entries");
    long orphans =
        housekeeping.deleteOrphanMedia(clock.instant().minus(settings.retention()), 1_000);
    LOG.info(() -> "Retention: deleted " + orphans + " media no post uses");
  }
}
