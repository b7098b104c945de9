package dev.herald.preflight;

import java.util.Map;

/**
 * Entry point of the preflight check. On success it publishes the resolved key locations as system
 * properties (read through MicroProfile Config by the application); on failure it prints what is
 * missing and how to provide it, and ends the JVM with exit code 78 (EX_CONFIG).
 */
public final class PreflightAgent {

  static final int EXIT_CONFIG = 78;

  private PreflightAgent() {}

  public static void premain(String args) {
    try {
      Map<String, String> properties = Preflight.run(System.getenv(), System.getProperties());
      properties.forEach(System::setProperty);
    } catch (PreflightException e) {
      System.err.println();
      System.err.println("Herald cannot start: " + e.getMessage());
      System.err.println();
      System.err.flush();
      Runtime.getRuntime().halt(EXIT_CONFIG);
    }
  }
}
