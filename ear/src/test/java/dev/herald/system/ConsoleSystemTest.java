package dev.herald.system;

import java.util.UUID;
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

  /** An account that signs in with its email and password, as a person does. */
  record Login(long id, String email, String password) {}

  /** A new USER account, its email labelled {@code label}, created by the owner. */
  static Login newLogin(String label) {
    String email = Admins.newEmail(label);
    String password = label + "-password-" + UUID.randomUUID();
    long id =
        Admins.createAccount(api, fixtures.adminToken(), email, "USER", password)
            .getJsonNumber("id")
            .longValue();
    return new Login(id, email, password);
  }

  /** Signs {@code login} in on the console and waits for its dashboard. */
  static void signIn(Login login) {
    browser.open("/dashboard");
    browser.type("Email", login.email());
    browser.type("Password", login.password());
    browser.click("Sign in");
    browser.waitForScreen("Dashboard");
  }
}
