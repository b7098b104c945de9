package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Tokens;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console as an admin sees it, in a real browser: an API pair, a session added through the
 * login wizard, a tenant's bot suspended with a reason and the audit entry that records it, access
 * codes shown once, and every admin screen checked by axe-core at desktop and phone width.
 */
class ConsoleAdminIT extends ConsoleSystemTest {

  private static void signInAsOwner() {
    browser.open("/admin/tenants");
    browser.type("Email", "admin@herald.local");
    browser.type("Password", SystemUnderTest.get().adminPassword());
    browser.click("Sign in");
    browser.waitForScreen("Tenants");
  }

  @Test
  void adminAddsASessionThroughTheWizardSuspendsATenantAndReadsTheAuditEntry() {
    String tenantSubject = Tokens.newSubject("console-suspended");
    String tenantToken = tokens.tenant(tenantSubject);
    long tenant = fixtures.activeAccount(tenantToken, tenantSubject, 1);
    fixtures.completeConfig(tenantToken, "@herald_suspend_me");
    assertEquals(
        201,
        api.post("/api/v1/user-bot", JsonBody.of("token", UserBotIT.botToken()))
            .token(tenantToken)
            .send()
            .status());

    signInAsOwner();
    // Every account is listed (GET /admin/accounts); the bootstrap owner is on the first page.
    browser.waitFor(By.xpath("//tr[td[normalize-space(.)='admin@herald.local']]//button")).click();
    browser.waitForText(By.id("tenant-heading"), "admin@herald.local");
    browser.capture("admin-tenants");

    browser.go("/admin/api-pairs");
    int apiId = ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000);
    browser.type("api_id", String.valueOf(apiId));
    browser.type("api_hash", "0123456789abcdef0123456789abcdef");
    browser.click("Add pair");
    // Said on the form: the shared server may hold more pairs than the table's first page.
    browser.waitForText(
        By.xpath("//*[@role='status'][contains(., 'api_id " + apiId + "')]"), "api_id " + apiId);
    assertFalse(
        browser.driver().getPageSource().contains("0123456789abcdef0123456789abcdef"),
        "the API hash is never rendered");
    browser.capture("admin-api-pairs");

    browser.go("/admin/sessions");
    String phone = "+4478" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    browser.type("Phone number", phone);
    browser.chooseApiPair(apiId);
    browser.click("Send code");
    browser.waitForText(By.cssSelector(".wizard [role=status]"), "logged in and in the pool");
    String shown = browser.driver().findElement(By.cssSelector(".wizard [role=status]")).getText();
    assertFalse(shown.contains(phone), "the phone is shown masked: " + shown);
    assertEquals(
        1L,
        fixtures.count(
            "SELECT count(*) FROM telegram_session s JOIN api_pair p ON p.id = s.api_pair_id"
                + " WHERE p.api_id = ?",
            apiId));
    browser.capture("admin-sessions");

    // A session that needs a new login (NEEDS_LOGIN: parked, never banned) is logged in again from
    // its row: POST /admin/sessions/{id}/login, then the wizard's steps (the sandbox is READY).
    long parked =
        fixtures.count(
            "SELECT s.id FROM telegram_session s JOIN api_pair p ON p.id = s.api_pair_id"
                + " WHERE p.api_id = ?",
            apiId);
    fixtures.sql(
        "UPDATE telegram_session SET state = 'NEEDS_LOGIN', state_reason = 'logged out by the"
            + " test', assigned_account_id = NULL WHERE id = ?",
        parked);
    browser.go("/admin/sessions");
    new Select(browser.waitFor(By.xpath("//select[option='NEEDS_LOGIN']")))
        .selectByVisibleText("NEEDS_LOGIN");
    browser.waitForText(By.cssSelector("table tbody"), "logged out by the test");
    browser.capture("admin-sessions-needs-login");
    browser.click("Log in again");
    browser.waitForText(By.cssSelector(".wizard [role=status]"), "logged in and in the pool");
    Poll.until(
        "the session is back in the pool",
        Duration.ofSeconds(10),
        () ->
            "UNUSED"
                .equals(
                    fixtures.string("SELECT state FROM telegram_session WHERE id = ?", parked)));

    // Issue 14 item 4: a proxy on the session and on its API pair; the secret is never rendered,
    // and a bad port is refused on its field.
    browser.go("/admin/sessions");
    String proxyForm = "form[aria-label='Proxy of a session']";
    browser.type("Session id", String.valueOf(parked));
    browser.type("Proxy server", "proxy.console.example");
    browser.type("Proxy port", "0");
    browser.click("Set proxy");
    browser.waitForText(By.cssSelector(proxyForm), "port must be between 1 and 65535.");
    browser.type("Proxy port", "1080");
    browser.type("Proxy password or MTProto secret", "console-proxy-pass");
    browser.click("Set proxy");
    browser.waitForText(
        By.cssSelector(proxyForm + " [role=status]"), "Proxy of session " + parked + " set.");
    assertEquals(
        "SOCKS5 proxy.console.example:1080",
        fixtures.string(
            "SELECT proxy_type || ' ' || proxy_server || ':' || proxy_port FROM telegram_session"
                + " WHERE id = ?",
            parked));
    assertFalse(browser.driver().getPageSource().contains("console-proxy-pass"));
    browser.capture("admin-sessions-proxy");
    // Issue 14 item 5: a warming session's budget in the list (the only UNUSED one left).
    fixtures.sql(
        "INSERT INTO session_warmup (session_id, started_at, budgets) VALUES (?, now(), '{5,10}')",
        parked);
    fixtures.sql(
        "UPDATE telegram_session SET state = 'BANNED', ban_reason = 'test drain' WHERE state ="
            + " 'UNUSED' AND id <> ?",
        parked);
    browser.go("/admin/sessions");
    new Select(browser.waitFor(By.xpath("//select[option='UNUSED']")))
        .selectByVisibleText("UNUSED");
    browser.waitForText(By.cssSelector("table tbody"), "day 1: 0 / 5 posts this hour");
    browser.waitForText(By.cssSelector("table tbody"), "SOCKS5 proxy.console.example:1080");
    // Deleted from its row, with its warm-up (DELETE /admin/sessions/{id}).
    browser.waitFor(By.xpath("//button[@aria-label='Delete session " + parked + "']")).click();
    browser.waitForText(
        By.xpath("//*[@role='status'][contains(., 'Session " + parked + " deleted.')]"),
        "Session " + parked + " deleted.");
    assertEquals(0L, fixtures.count("SELECT count(*) FROM telegram_session WHERE id = ?", parked));
    assertEquals(
        0L, fixtures.count("SELECT count(*) FROM session_warmup WHERE session_id = ?", parked));
    // A session waiting out a flood wait is COOLING_DOWN, and the filter by that state finds it.
    long cooling = fixtures.session(fixtures.apiPair(7));
    fixtures.sql(
        "UPDATE telegram_session SET state = 'ASSIGNED', assigned_account_id = (SELECT min(id)"
            + " FROM account), flood_wait_until = now() + interval '1 hour' WHERE id = ?",
        cooling);
    browser.go("/admin/sessions");
    new Select(browser.waitFor(By.xpath("//select[option='COOLING_DOWN']")))
        .selectByVisibleText("COOLING_DOWN");
    browser.waitForText(By.cssSelector("table tbody"), "COOLING_DOWN until");
    browser.waitForText(By.cssSelector("table tbody"), "(a flood wait)");
    browser.capture("admin-sessions-cooling-down");
    fixtures.sql(
        "UPDATE telegram_session SET state = 'BANNED', ban_reason = 'test drain',"
            + " assigned_account_id = NULL, flood_wait_until = NULL WHERE id = ?",
        cooling);
    browser.go("/admin/api-pairs");
    long pairId = fixtures.count("SELECT id FROM api_pair WHERE api_id = ?", apiId);
    browser.type("API pair id", String.valueOf(pairId));
    new Select(browser.field("Proxy type")).selectByVisibleText("MTPROTO");
    browser.type("Proxy server", "203.0.113.7");
    browser.type("Proxy port", "443");
    browser.type("Proxy password or MTProto secret", "dd" + "ab".repeat(16));
    browser.click("Set proxy");
    browser.waitForText(
        By.cssSelector("form[aria-label='Proxy of an API pair'] [role=status]"),
        "Proxy of API pair " + pairId + " set.");
    assertEquals(
        "MTPROTO", fixtures.string("SELECT proxy_type FROM api_pair WHERE id = ?", pairId));
    browser.click("Clear proxy");
    browser.waitForText(
        By.cssSelector("form[aria-label='Proxy of an API pair'] [role=status]"),
        "Proxy of API pair " + pairId + " cleared.");

    browser.go("/admin/tenants");
    browser.type("Account id", String.valueOf(tenant));
    browser.click("Open");
    browser.waitForText(By.id("tenant-heading"), "Account " + tenant);
    browser.type("Reason for suspending tenant " + tenant, "spam reports from the console");
    browser.click("Suspend");
    browser.waitForText(By.cssSelector("[role=status]"), "Tenant " + tenant + "'s bot suspended.");
    assertEquals(
        "ADMIN_SUSPENDED",
        fixtures.string("SELECT stop_reason FROM bot WHERE account_id = ?", tenant));
    browser.capture("admin-tenant-suspended");
    // The tenant's own bot's request limits (PUT /admin/bots/{id}/rate-limits), from its card.
    browser.type("Requests a second for tenant " + tenant, "0");
    browser.click("Save limits");
    browser.waitForText(By.cssSelector("#own-bot-heading + form .error"), "Must be 1 to 30");
    browser.type("Requests a second for tenant " + tenant, "5");
    browser.type("Requests at once for tenant " + tenant, "3");
    browser.click("Save limits");
    browser.waitForText(
        By.cssSelector("[role=status]"),
        "Tenant " + tenant + "'s own bot: 5 requests a second, 3 at once.");
    assertEquals(
        "5 3",
        fixtures.string(
            "SELECT rate_limit_rps || ' ' || max_concurrent_requests FROM user_bot WHERE"
                + " account_id = ?",
            tenant));
    browser.assertAccessible("a tenant's card with its own bot's limits");
    // A tenant who registered its own bot before saving any bot configuration: its card shows the
    // own bot and its limits too (GET /admin/bots/{id} answered 404 for it), and opening it
    // creates no bot configuration.
    String ownBotOnlySubject = Tokens.newSubject("console-own-bot-only");
    String ownBotOnlyToken = tokens.tenant(ownBotOnlySubject);
    long ownBotOnly = fixtures.activeAccount(ownBotOnlyToken, ownBotOnlySubject, 1);
    assertEquals(
        201,
        api.post("/api/v1/user-bot", JsonBody.of("token", UserBotIT.botToken()))
            .token(ownBotOnlyToken)
            .send()
            .status());
    browser.type("Account id", String.valueOf(ownBotOnly));
    browser.click("Open");
    browser.waitForText(By.id("own-bot-heading"), "Own bot of account " + ownBotOnly);
    assertEquals(0, fixtures.count("SELECT count(*) FROM bot WHERE account_id = ?", ownBotOnly));

    browser.go("/admin/audit");
    browser.waitFor(By.cssSelector("tr[data-action]"));
    WebElement entry =
        browser
            .driver()
            .findElement(
                By.xpath(
                    "//tr[@data-action='BOT_SUSPENDED'][td[normalize-space(.)='bot "
                        + tenant
                        + "' or contains(., ' "
                        + tenant
                        + "')]]"));
    assertTrue(entry.getText().contains("spam reports from the console"), entry.getText());
    browser.capture("admin-audit-log");

    browser.go("/admin/bots");
    browser.waitFor(By.cssSelector("table tbody tr"));
    browser.capture("admin-bots");
    // The tenant's bot deleted from its account (DELETE /admin/bots/{id}; refused only while
    // running), after the bots screen was seen with it.
    browser.go("/admin/tenants");
    browser.type("Account id", String.valueOf(tenant));
    browser.click("Open");
    browser.waitForText(By.id("tenant-heading"), "Account " + tenant);
    browser.click("Delete bot");
    browser.waitForText(
        By.xpath("//*[@role='status'][contains(., 'own bot deleted')]"),
        "Tenant " + tenant + "'s bot configuration and own bot deleted.");
    assertEquals(0L, fixtures.count("SELECT count(*) FROM bot WHERE account_id = ?", tenant));

    browser.go("/admin/access-codes");
    browser.click("Create codes");
    browser.waitFor(By.cssSelector(".codes code"));
    browser.capture("admin-access-codes");

    browser.go("/admin/sandbox");
    browser.waitFor(By.xpath("//button[normalize-space(.)='Save faults']"));
    browser.capture("admin-sandbox");
    // The sandbox world: what the model saw of a chat, and an admin's move in it.
    browser.click("Look up chat");
    browser.waitForText(By.cssSelector("[data-testid=world-chat]"), "Sandbox Lounge");
    browser.type("Account (user#session id or bot#account id)", "bot#999003");
    browser.click("Apply membership");
    browser.waitForText(By.cssSelector("[data-testid=world-chat]"), "bot#999003: MEMBER");
    browser.capture("admin-sandbox-world");
    // The parked-session faults (UNAVAILABLE / NEEDS_LOGIN answers) are set from the screen too.
    try {
      browser.type("Sessions answering as not open here (ids, comma-separated)", "999001, 999002");
      browser.click("Save faults");
      browser.waitForText(By.cssSelector("[role=status]"), "Saved.");
      String faults =
          api.get("/api/v1/admin/sandbox/faults").token(fixtures.adminToken()).send().body();
      assertTrue(
          faults.replace(" ", "").contains("\"unavailable_sessions\":[999001,999002]"), faults);
    } finally {
      fixtures.noSandboxFaults();
    }
    browser.type("Chat", "@console_nothing_sent");
    browser.click("Show sends");
    browser.waitForText(
        By.cssSelector("[data-testid=sandbox-sends]"),
        "Nothing received in @console_nothing_sent.");
    // The Telegram model's counters and the send-twice test hook (SPEC rule 17) on the same screen.
    browser.waitForText(By.cssSelector("dl.world"), "Sends delivered / tried");
    // Bots other test classes left running would use the hook's sends up before it is read back.
    fixtures.stopAllBots();
    try {
      browser.type("Cycle posts to send twice (test hook)", "2");
      browser.click("Send twice");
      browser.waitForText(
          By.cssSelector("[aria-labelledby=model-heading] [role=status]"),
          "The next 2 cycle posts will be sent twice.");
      assertEquals(
          2,
          api.get("/api/v1/admin/sandbox/send-twice")
              .token(fixtures.adminToken())
              .send()
              .json()
              .getInt("sends"));
    } finally {
      fixtures.sendTwice(0);
    }

    browser.click("Sign out");
    browser.waitForText(By.cssSelector("[role=status]"), "You have signed out.");
  }

  /** A field of the open tenant's plan (the new-account form above has fields of the same name). */
  private static WebElement tenantPlanField(String label) {
    return browser.waitFor(
        By.xpath(
            "//form[@aria-labelledby='tenant-heading']//label[normalize-space(.)='"
                + label
                + "']/following-sibling::input[1]"));
  }

  private static void retype(WebElement field, String text) {
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(text);
  }

  /** Issue 15 item 6: posts per bot and buttons per post are plan limits an admin sets. */
  @Test
  void ownerSetsATenantsPostsAndButtonsLimitsAndIsToldWhichLimitIsOutOfRange() {
    String subject = Tokens.newSubject("console-content-limits");
    long tenant = fixtures.activeAccount(tokens.tenant(subject), subject, 1);
    signInAsOwner();
    browser.type("Account id", String.valueOf(tenant));
    browser.click("Open");
    browser.waitForText(By.id("tenant-heading"), "Account " + tenant);
    assertEquals("10", tenantPlanField("Max posts per bot").getDomProperty("value"));
    assertEquals("12", tenantPlanField("Max buttons per post").getDomProperty("value"));

    retype(tenantPlanField("Max buttons per post"), "101");
    browser.click("Save plan");
    browser.waitForText(
        By.cssSelector("form[aria-labelledby='tenant-heading']"),
        "max_buttons must be between 0 and 100, was 101.");

    retype(tenantPlanField("Max posts per bot"), "3");
    retype(tenantPlanField("Max buttons per post"), "0");
    browser.click("Save plan");
    browser.waitForText(By.cssSelector("[role=status]"), "Plan saved.");
    assertEquals(
        "3:0",
        fixtures.string(
            "SELECT max_posts_per_bot || ':' || max_buttons FROM account WHERE id = ?", tenant));
    browser.capture("admin-tenant-content-limits");

    browser.click("Sign out");
    browser.waitForText(By.cssSelector("[role=status]"), "You have signed out.");
  }
}
