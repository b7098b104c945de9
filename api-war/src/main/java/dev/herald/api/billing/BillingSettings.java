package dev.herald.api.billing;

import dev.herald.domain.billing.BillingPolicy;
import dev.herald.domain.shared.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The billing webhook's shared secret ({@code HERALD_BILLING_SECRET}; without it the endpoint
 * answers 503 billing-not-configured) and its replay window ({@code
 * HERALD_BILLING_REPLAY_WINDOW_SECONDS}, default 300).
 */
@ApplicationScoped
public class BillingSettings {

  @Inject
  @ConfigProperty(name = "HERALD_BILLING_SECRET")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "herald.billing.replay-window-seconds", defaultValue = "300")
  long replayWindowSeconds;

  public BillingPolicy policy() {
    String value =
        secret
            .filter(s -> !s.isBlank())
            .orElseThrow(
                () ->
                    new UnavailableException(
                        "billing-not-configured",
                        "The billing webhook is off: set HERALD_BILLING_SECRET to the secret shared"
                            + " with billing."));
    return new BillingPolicy(
        value.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(replayWindowSeconds));
  }
}
