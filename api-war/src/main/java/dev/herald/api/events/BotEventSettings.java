package dev.herald.api.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The event stream's configuration (environment: HERALD_EVENTS_KEEP_ALIVE_SECONDS, ...). */
@ApplicationScoped
public class BotEventSettings {

  @Inject
  @ConfigProperty(name = "herald.events.keep-alive-seconds", defaultValue = "25")
  int keepAliveSeconds;

  @Inject
  @ConfigProperty(name = "herald.events.replay-limit", defaultValue = "500")
  int replayLimit;

  @Inject
  @ConfigProperty(name = "herald.events.state-readers", defaultValue = "4")
  int stateReaders;

  /** How many bots' states are read for their streams at the same time, at most. */
  public int stateReaders() {
    return Math.max(1, stateReaders);
  }

  /** How often an idle stream gets a comment line, so proxies keep it open. */
  public Duration keepAlive() {
    return Duration.ofSeconds(Math.max(1, keepAliveSeconds));
  }

  /** At most this many activity entries and as many deliveries are replayed on a reconnect. */
  public int replayLimit() {
    return Math.max(1, replayLimit);
  }
}
