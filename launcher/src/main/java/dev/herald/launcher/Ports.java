package dev.herald.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free local ports: other builds on the machine run servers at the same time. */
public final class Ports {

  private Ports() {}

  /** A port nothing listens on right now (the system picks it). */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
