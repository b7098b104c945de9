package dev.herald.scheduler.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** A node's id: its host name (for people reading the leases) and a per-start random part. */
final class NodeIdentity {

  private NodeIdentity() {}

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
