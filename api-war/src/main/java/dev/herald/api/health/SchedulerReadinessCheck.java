package dev.herald.api.health;

import dev.herald.domain.engine.EngineStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when this node's forwarding engine has written a heartbeat in the last five seconds. */
@Readiness
@ApplicationScoped
public class SchedulerReadinessCheck implements HealthCheck {

  private static final Duration FRESH = Duration.ofSeconds(5);

  @Inject EngineStatus engine;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "herald.engine.enabled", defaultValue = "true")
  boolean enabled;

  @Override
  public HealthCheckResponse call() {
    if (!enabled) {
      return HealthCheckResponse.named("scheduler")
          .up()
          .withData("engine", "disabled on this node")
          .build();
    }
    Optional<Instant> last = engine.lastHeartbeat();
    boolean fresh = last.map(at -> at.isAfter(clock.instant().minus(FRESH))).orElse(false);
    return HealthCheckResponse.named("scheduler")
        .status(fresh)
        .withData("last_heartbeat", last.map(Instant::toString).orElse("never"))
        .withData("node", engine.nodeId().orElse("unknown"))
        .build();
  }
}
