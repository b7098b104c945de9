package dev.herald.system;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import org.junit.jupiter.api.BeforeAll;

/**
 * A system test against the shared server ({@link SystemUnderTest}), acting as tenants and admins:
 * the server, its API client, the dev-key token minter and the fixtures. A subclass's own
 * {@code @BeforeAll} runs after {@link #connect()}, so it can use them.
 */
abstract class TenantSystemTest {

  static SystemUnderTest system;
  static Api api;
  static Tokens tokens;
  static Fixtures fixtures;

  @BeforeAll
  static void connect() {
    system = SystemUnderTest.get();
    api = system.api();
    tokens = new Tokens(system.keysDir());
    fixtures = new Fixtures(system);
  }
}
