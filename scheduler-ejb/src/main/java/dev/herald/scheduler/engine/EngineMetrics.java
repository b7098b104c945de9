package dev.herald.scheduler.engine;

import dev.herald.domain.session.SessionState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** The engine's figures at {@code /metrics} (application scope). */
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

  @PostConstruct
  void register() {
    registry.gauge("herald_engine_cycles_in_flight", cyclesInFlight, AtomicInteger::get);
    lateness = registry.histogram("herald_engine_lateness_ms");
    claimLag = registry.histogram("herald_engine_claim_lag_ms");
    cycles = registry.counter("herald_engine_cycles_total");
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
    postsByOutcome
        .computeIfAbsent(
            outcome, o -> registry.counter("herald_engine_posts_total", new Tag("outcome", o)))
        .inc();
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
