package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console is served by the EAR at /console with its own strict Content-Security-Policy, and the
 * API keeps its stricter one.
 */
class ConsoleServingIT extends TenantSystemTest {

  private static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  @Test
  void theConsolePageIsServedWithAStrictPolicyAndNoInlineScript() {
    Api.Reply page = api.get("/console/").send();
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.header("Content-Type").startsWith("text/html"), page::toString);
    assertEquals(POLICY, page.header("Content-Security-Policy"));
    assertFalse(page.body().matches("(?s).*<script>.*|.*<style.*|.*style=.*"), page.body());

    Matcher script = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"").matcher(page.body());
    assertTrue(script.find(), page.body());
    Api.Reply asset = api.get(script.group(1)).send();
    assertEquals(200, asset.status(), asset::toString);
    assertEquals(POLICY, asset.header("Content-Security-Policy"));
    assertTrue(asset.header("Cache-Control").contains("immutable"), asset::toString);
  }

  @Test
  void slashlessConsoleMovesToTheConsoleFolder() {
    Api.Reply reply = api.get("/console").send();
    assertEquals(302, reply.status(), reply::toString);
    assertTrue(reply.header("Location").endsWith("/console/"), reply::toString);
  }

  @Test
  void theApiKeepsItsOwnPolicy() {
    Api.Reply ping = api.get("/api/v1/ping").send();
    assertEquals("frame-ancestors 'none'", ping.header("Content-Security-Policy"));
  }
}
