package dev.herald.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness looks at this process only, never at the database: a database outage must not make the
 * orchestrator restart every replica at once.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    return HealthCheckResponse.named("process")
        .up()
        .withData("heap_used_bytes", used)
        .withData("heap_max_bytes", runtime.maxMemory())
        .build();
  }
}
