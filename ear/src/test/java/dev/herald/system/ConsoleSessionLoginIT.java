package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.LibertyServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console's login wizard where a login has steps: a node whose sessions log in through the
 * model TDLib library ({@link ModelSessionNodes}), which sends the code in the Telegram app first
 * and by SMS on request, as Telegram does. The first code does not arrive; the admin asks for a new
 * one, types it, and the session joins the pool.
 */
class ConsoleSessionLoginIT extends ModelNodesSystemTest {

  static LibertyServer node;
  static ConsoleBrowser browser;

  @BeforeAll
  static void start() {
    nodes = new ModelSessionNodes(system, "console_login");
    node = nodes.started("herald-console-login");
    browser = new ConsoleBrowser(node.baseUrl());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anAdminAsksForANewCodeAndLogsTheSessionIn() {
    Api nodeApi = new Api(node.baseUrl());
    String admin = nodes.adminToken(node);
    int apiId = ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000);
    Api.Reply pair =
        nodeApi
            .post(
                "/api/v1/admin/api-pairs",
                JsonBody.of(
                    "api_id", apiId, "api_hash", "0123456789abcdef0123456789abcdef", "capacity", 7))
            .token(admin)
            .send();
    assertEquals(201, pair.status(), pair::toString);

    browser.open("/admin/sessions");
    browser.type("Email", Admins.OWNER_EMAIL);
    browser.type("Password", system.adminPassword());
    browser.click("Sign in");
    browser.waitForScreen("Sessions");
    browser.type(
        "Phone number", "+4479" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    browser.chooseApiPair(apiId);
    browser.click("Send code");
    browser.waitForText(
        By.cssSelector(".wizard .hint"),
        "Telegram sent a login code (TelegramMessage); a new code can be sent by Sms");
    browser.assertAccessible("the login wizard's code step");
    browser.capture("admin-sessions-code-step");

    browser.click("Send a new code");
    browser.waitForText(By.cssSelector(".wizard .hint"), "Telegram sent a login code (Sms)");
    browser.type("Login code", "12345");
    browser.click("Submit code");
    browser.waitForText(By.cssSelector(".wizard [role=status]"), "logged in and in the pool");

    JsonObject audit = nodeApi.get("/api/v1/admin/audit-log?limit=20").token(admin).send().json();
    assertTrue(
        audit.getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(e -> "SESSION_CODE_RESENT".equals(e.getString("action"))),
        audit::toString);
  }
}
