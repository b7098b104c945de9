package dev.herald.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A system test of the running engine on the shared server: each test starts with no bot running
 * and no sandbox fault injected, and leaves no fault behind for the next class.
 */
abstract class EngineSystemTest extends TenantSystemTest {

  @BeforeEach
  void stopBotsAndFaults() {
    fixtures.stopAllBots();
    fixtures.noSandboxFaults();
  }

  @AfterEach
  void clearFaults() {
    fixtures.noSandboxFaults();
  }
}
