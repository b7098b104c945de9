package dev.herald.system;

import dev.herald.launcher.Tokens;
import org.junit.jupiter.api.BeforeAll;

/**
 * A system test acting as tenants against the shared server: its API client, token minter and
 * fixtures.
 */
abstract class TenantSystemTest {

  static Api api;
  static Tokens tokens;
  static Fixtures fixtures;

  @BeforeAll
  static void connect() {
    SystemUnderTest system = SystemUnderTest.get();
    api = system.api();
    tokens = new Tokens(system.keysDir());
    fixtures = new Fixtures(system);
  }
}
