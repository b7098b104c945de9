package dev.herald.scheduler.engine;

import dev.herald.domain.engine.OutcomePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The engine's tuning, each key overridable from the environment (HERALD_ENGINE_...). */
@ApplicationScoped
public class EngineSettings {

  @Inject
  @ConfigProperty(name = "herald.engine.enabled", defaultValue = "true")
  boolean enabled;

  /** How often to look for due work when nothing woke the engine. */
  @Inject
  @ConfigProperty(name = "herald.engine.poll-interval-ms", defaultValue = "100")
  long pollIntervalMs;

  /** Cycles due this soon are leased now and fired by the timer exactly on time. */
  @Inject
  @ConfigProperty(name = "herald.engine.lookahead-ms", defaultValue = "500")
  long lookaheadMs;

  /** A lease outlives its node by at most this; the heartbeat extends it while the node lives. */
  @Inject
  @ConfigProperty(name = "herald.engine.lease-seconds", defaultValue = "6")
  long leaseSeconds;

  /** A node whose heartbeat is older than this is dead (SPEC rule 5). */
  @Inject
  @ConfigProperty(name = "herald.engine.node-timeout-seconds", defaultValue = "5")
  long nodeTimeoutSeconds;

  /** How often finished posts and completed cycles are written (WriteBehind). */
  @Inject
  @ConfigProperty(name = "herald.engine.flush-ms", defaultValue = "20")
  long flushMs;

  /** Rows per claim statement, and delivery records per group commit (DeliveryStarts). */
  @Inject
  @ConfigProperty(name = "herald.engine.claim-batch", defaultValue = "500")
  int claimBatch;

  /**
   * At most this many cycles leased and not started (timers not fired, posts waiting for their
   * delivery record) per node; a burst of due work is claimed as it is started, not all at once.
   */
  @Inject
  @ConfigProperty(name = "herald.engine.max-backlog", defaultValue = "2000")
  int maxBacklog;

  @Inject
  @ConfigProperty(name = "herald.engine.plan-sweep-ms", defaultValue = "250")
  long planSweepMs;

  @Inject
  @ConfigProperty(name = "herald.engine.retention-days", defaultValue = "30")
  int retentionDays;

  @Inject
  @ConfigProperty(name = "herald.engine.peer-flood-bans", defaultValue = "false")
  boolean peerFloodBans;

  @Inject
  @ConfigProperty(
      name = "herald.engine.peer-flood-cooldown-seconds",
      defaultValue = OutcomePolicy.PEER_FLOOD_COOL_DOWN_SECONDS)
  long peerFloodCooldownSeconds;

  /**
   * How many chats one session joins per rolling hour at most (issue 13: people who joined ~200
   * groups at once got flood waits of ~70 000 s); the chats beyond wait for the next free join.
   */
  @Inject
  @ConfigProperty(name = "herald.targets.joins-per-hour", defaultValue = "10")
  int joinsPerHour;

  /**
   * The rolling window {@code joinsPerHour} counts over: an hour. Shorter only for a simulated day
   * on the sandbox's model ({@code bench/day.sh} sets it to 3600 / the model's time scale).
   */
  @Inject
  @ConfigProperty(name = "herald.targets.join-window-seconds", defaultValue = "3600")
  long joinWindowSeconds;

  /**
   * How many chats one session posts to while it is new in them (joined within the last day), the
   * same text or not: Telegram spam-limits an account that sends one text to more than about 20
   * such chats ({@code PEER_FLOOD}); the chats beyond wait until the session is no longer new
   * there.
   */
  @Inject
  @ConfigProperty(name = "herald.targets.new-chats-per-day", defaultValue = "20")
  int newChatsPerDay;

  public int joinsPerHour() {
    return joinsPerHour;
  }

  public int newChatsPerDay() {
    return newChatsPerDay;
  }

  public Duration joinWindow() {
    return Duration.ofSeconds(joinWindowSeconds);
  }

  public boolean enabled() {
    return enabled;
  }

  public Duration pollInterval() {
    return Duration.ofMillis(pollIntervalMs);
  }

  public Duration lookahead() {
    return Duration.ofMillis(lookaheadMs);
  }

  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  public Duration nodeTimeout() {
    return Duration.ofSeconds(nodeTimeoutSeconds);
  }

  public Duration flushInterval() {
    return Duration.ofMillis(flushMs);
  }

  public int claimBatch() {
    return claimBatch;
  }

  public int maxBacklog() {
    return maxBacklog;
  }

  public Duration planSweep() {
    return Duration.ofMillis(planSweepMs);
  }

  public Duration retention() {
    return Duration.ofDays(retentionDays);
  }

  public OutcomePolicy outcomePolicy() {
    return new OutcomePolicy(peerFloodBans, Duration.ofSeconds(peerFloodCooldownSeconds));
  }
}
