package dev.herald.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A system test of the console in one real browser per class ({@link ConsoleBrowser}). */
abstract class ConsoleSystemTest extends TenantSystemTest {

  static ConsoleBrowser browser;

  @BeforeAll
  static void openBrowser() {
    browser = new ConsoleBrowser(system.server().baseUrl());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
