package dev.herald.api.health;

import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always up; says which transport each kind of sender posts through and whether this node is a dry
 * run (some posts reach no real Telegram), so an operator who allowed the sandbox in prod ({@code
 * HERALD_ALLOW_DRY_RUN=true}) sees it on every probe.
 */
@Readiness
@ApplicationScoped
public class TransportReadinessCheck implements HealthCheck {

  @Inject TelegramGateway gateway;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("transports")
        .up()
        .withData("sessions", gateway.transport(Sender.Kind.SESSION))
        .withData("user_bots", gateway.transport(Sender.Kind.USER_BOT))
        .withData("dry_run", gateway.dryRun())
        .build();
  }
}
