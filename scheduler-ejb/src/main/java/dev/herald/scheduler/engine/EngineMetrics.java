package dev.herald.scheduler.engine;

import dev.herald.domain.engine.Census;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.telegram.SendOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The engine's figures at {@code /metrics} (application scope). Every counter exists from the
 * engine's start, at 0 (each outcome, each parked state): a series that first appears at 1 is
 * missed by {@code increase()} and {@code rate()}, so an alert would miss the first ban after a
 * restart. The census gauges read the last count the engine took ({@link #census}).
 */
@ApplicationScoped
public class EngineMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private final AtomicInteger cyclesInFlight = new AtomicInteger();
  private final Map<String, Counter> postsByOutcome = new ConcurrentHashMap<>();
  private Histogram lateness;
  private Histogram claimLag;
  private Counter cycles;
  private final AtomicReference<Census> census = new AtomicReference<>(Census.NONE);
  private final AtomicLong restartStopped = new AtomicLong();

  @PostConstruct
  void register() {
    registry.gauge("herald_engine_cycles_in_flight", cyclesInFlight, AtomicInteger::get);
    lateness = registry.histogram("herald_engine_lateness_ms");
    claimLag = registry.histogram("herald_engine_claim_lag_ms");
    cycles = registry.counter("herald_engine_cycles_total");
    SendOutcome.CODES.forEach(this::postCounter);
    registry.counter("herald_engine_flood_waits_total");
    registry.counter("herald_engine_targets_deferred_total");
    registry.counter("herald_engine_bans_total");
    SessionState.PARKED.forEach(
        state -> registry.counter("herald_sessions_parked_total", new Tag("state", state.name())));
    registry.counter("herald_engine_auto_stops_total");
    for (SessionState state : SessionState.values()) {
      registry.gauge(
          "herald_sessions",
          census,
          counted -> counted.get().sessions(state),
          new Tag("state", state.name()));
    }
    registry.gauge("herald_bots_running", census, counted -> counted.get().runningBots());
    registry.gauge("herald_engine_overdue_bots", census, counted -> counted.get().overdueBots());
    registry.gauge("herald_engine_restart_stopped_bots", restartStopped, AtomicLong::get);
  }

  /**
   * The running bots this node stopped with reason {@code RESTART} as it started alone: a gauge,
   * not a counter, since it is set before any scrape could see a 0.
   */
  void stoppedAtRestart(int count) {
    restartStopped.set(count);
    autoStopped(count);
  }

  /** The census the gauges show from now on. */
  void census(Census counted) {
    census.set(counted);
  }

  private Counter postCounter(String outcome) {
    return postsByOutcome.computeIfAbsent(
        outcome, o -> registry.counter("herald_engine_posts_total", new Tag("outcome", o)));
  }

  void cycleStarted(long latenessMs) {
    cyclesInFlight.incrementAndGet();
    lateness.update(Math.max(0, latenessMs));
  }

  void cycleFinished() {
    cyclesInFlight.decrementAndGet();
    cycles.inc();
  }

  void claimed(long lagMs) {
    claimLag.update(Math.max(0, lagMs));
  }

  void post(String outcome) {
    // Looked up once per outcome: a registry lookup builds and validates the tag every time.
    postCounter(outcome).inc();
  }

  void floodWait() {
    registry.counter("herald_engine_flood_waits_total").inc();
  }

  /** A chat left to a later cycle: its sender must wait there (slow mode, paced join, ...). */
  void targetDeferred() {
    registry.counter("herald_engine_targets_deferred_total").inc();
  }

  void ban() {
    registry.counter("herald_engine_bans_total").inc();
  }

  /**
   * A session parked by the engine ({@code NEEDS_LOGIN} or {@code UNAVAILABLE}): counted per state
   * in {@code herald_sessions_parked_total}, apart from bans (rule 14).
   */
  void parked(SessionState state) {
    registry.counter("herald_sessions_parked_total", new Tag("state", state.name())).inc();
  }

  void autoStopped(int count) {
    registry.counter("herald_engine_auto_stops_total").inc(count);
  }
}
