package dev.herald.domain.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock the services read, so tests and rules agree on "now" (always UTC). */
@ApplicationScoped
public class ClockProducer {

  /** Dependent scope: {@link Clock} is a JDK class that CDI should not proxy. */
  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
