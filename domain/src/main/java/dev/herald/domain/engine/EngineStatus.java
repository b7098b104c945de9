package dev.herald.domain.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** The engine's last heartbeat on this node, for readiness: a stuck engine is not ready. */
@ApplicationScoped
public class EngineStatus {

  private volatile Instant lastHeartbeat;
  private volatile String nodeId;

  public void heartbeat(String node, Instant at) {
    this.nodeId = node;
    this.lastHeartbeat = at;
  }

  public Optional<Instant> lastHeartbeat() {
    return Optional.ofNullable(lastHeartbeat);
  }

  public Optional<String> nodeId() {
    return Optional.ofNullable(nodeId);
  }
}
