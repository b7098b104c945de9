package dev.herald.domain.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This process's node id: its host name (for people reading the leases) and a per-start random
 * part. One id per process, shared by the engine (bot leases, heartbeat) and the TDLib transport
 * (session leases), so the claim sees which sessions this node holds.
 */
@ApplicationScoped
public class ThisNode {

  private final String id = create();

  public String id() {
    return id;
  }

  static String create() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    return id.length() > 100 ? id.substring(id.length() - 100) : id;
  }
}
