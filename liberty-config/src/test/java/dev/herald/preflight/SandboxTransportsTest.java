package dev.herald.preflight;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SandboxTransportsTest {

  private static final Properties NO_PROPERTIES = new Properties();

  /** What the check throws for a prod server with this environment and no system properties. */
  private static PreflightException refusedInProd(Map<String, String> environment) {
    return assertThrows(
        PreflightException.class,
        () -> SandboxTransports.check("prod", environment, NO_PROPERTIES));
  }

  @Test
  void prodWithNoTransportSetRefusesNamingBothVariablesAndTheAllowance() {
    PreflightException refused = refusedInProd(Map.of());
    String message = refused.getMessage();
    assertTrue(message.contains("HERALD_TRANSPORT_SESSIONS"), message);
    assertTrue(message.contains("HERALD_TRANSPORT_USER_BOTS"), message);
    assertTrue(message.contains("HERALD_ALLOW_DRY_RUN=true"), message);
  }

  @Test
  void prodWithSessionsOnTdlibButUserBotsLeftInTheSandboxStillRefuses() {
    PreflightException refused = refusedInProd(Map.of("HERALD_TRANSPORT_SESSIONS", "tdlib"));
    assertTrue(refused.getMessage().contains("HERALD_TRANSPORT_USER_BOTS"), refused.getMessage());
    assertFalse(refused.getMessage().contains("HERALD_TRANSPORT_SESSIONS"), refused.getMessage());
  }

  @Test
  void prodWithAnExplicitSandboxIsStillRefusedWithoutTheAllowance() {
    refusedInProd(
        Map.of("HERALD_TRANSPORT_SESSIONS", "SANDBOX", "HERALD_TRANSPORT_USER_BOTS", "botapi"));
  }

  @Test
  void prodRefusesTheTdlibModelLibrary() {
    PreflightException refused =
        refusedInProd(
            Map.of(
                "HERALD_TRANSPORT_SESSIONS",
                "tdlib",
                "HERALD_TDLIB_LIBRARY",
                "model",
                "HERALD_TRANSPORT_USER_BOTS",
                "botapi"));
    assertTrue(refused.getMessage().contains("HERALD_TDLIB_LIBRARY=model"), refused.getMessage());
  }

  @Test
  void prodStartsOnRealTransportsOrWithTheExplicitAllowance() {
    assertDoesNotThrow(
        () ->
            SandboxTransports.check(
                "prod",
                Map.of(
                    "HERALD_TRANSPORT_SESSIONS", "tdlib", "HERALD_TRANSPORT_USER_BOTS", "botapi"),
                NO_PROPERTIES));
    assertDoesNotThrow(
        () ->
            SandboxTransports.check("prod", Map.of("HERALD_ALLOW_DRY_RUN", "true"), NO_PROPERTIES));
  }

  @Test
  void transportsSetAsSystemPropertiesCount() {
    Properties system = new Properties();
    system.setProperty("herald.transport.sessions", "tdlib");
    system.setProperty("herald.transport.user-bots", "botapi");
    assertDoesNotThrow(() -> SandboxTransports.check("prod", Map.of(), system));
  }

  @Test
  void devRunsOnTheSandboxWithoutBeingAsked() {
    assertDoesNotThrow(() -> SandboxTransports.check("dev", Map.of(), NO_PROPERTIES));
  }
}
