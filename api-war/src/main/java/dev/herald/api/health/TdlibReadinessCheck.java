package dev.herald.api.health;

import dev.herald.telegram.config.TelegramSettings;
import dev.herald.telegram.tdlib.TdlibStatus;
import dev.herald.telegram.tdlib.TdlibTransport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * When sessions post through TDLib, the node is ready only with the library loaded; DOWN says why
 * (library missing, database key missing). With the sandbox, TDLib is not needed.
 */
@Readiness
@ApplicationScoped
public class TdlibReadinessCheck implements HealthCheck {

  @Inject TelegramSettings transports;
  @Inject Provider<TdlibTransport> tdlib;

  @Override
  public HealthCheckResponse call() {
    if (!"tdlib".equals(transports.sessionTransport())) {
      return HealthCheckResponse.named("tdlib")
          .up()
          .withData("transport", transports.sessionTransport())
          .build();
    }
    TdlibStatus status = tdlib.get().status();
    var response = HealthCheckResponse.named("tdlib").status(status.available());
    status.unavailableReason().ifPresent(reason -> response.withData("reason", reason));
    return response.withData("library", String.valueOf(status.libraryPath())).build();
  }
}
