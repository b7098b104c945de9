package dev.herald.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the API's startup work (migrations before it, the bootstrap owner) is done. */
@Startup
@ApplicationScoped
public class ApplicationStartupCheck implements HealthCheck {

  private volatile boolean started;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    started = true;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("application").status(started).build();
  }
}
