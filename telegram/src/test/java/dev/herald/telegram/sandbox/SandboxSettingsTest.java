package dev.herald.telegram.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.telegram.config.TestSettings;
import dev.herald.telegram.model.TelegramLimits;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  @Test
  void theDemoWorldIsSeededInTheDevProfileUnlessSaidOtherwise() {
    assertTrue(TestSettings.sandboxWorld("dev", Optional.empty(), "telegram").sandboxDemoWorld());
    assertFalse(TestSettings.sandboxWorld("prod", Optional.empty(), "telegram").sandboxDemoWorld());
    assertFalse(
        TestSettings.sandboxWorld("dev", Optional.of(false), "telegram").sandboxDemoWorld());
    assertTrue(TestSettings.sandboxWorld("prod", Optional.of(true), "telegram").sandboxDemoWorld());
  }

  @Test
  void worldLimitsAreTelegramsOrOff() {
    assertEquals(
        TelegramLimits.telegram(),
        TestSettings.sandboxWorld("dev", Optional.empty(), "telegram").sandboxWorldLimits());
    assertEquals(
        TelegramLimits.unlimited(),
        TestSettings.sandboxWorld("dev", Optional.empty(), " OFF ").sandboxWorldLimits());
    assertThrows(
        IllegalArgumentException.class,
        () -> TestSettings.sandboxWorld("dev", Optional.empty(), "strict").sandboxWorldLimits());
  }

  @Test
  void theDemoWorldHasTheChatsTheReadmeNames() {
    SandboxWorld world = SandboxWorld.openWithTelegramLimits();
    DemoWorld.seed(world.world());
    for (String name :
        new String[] {
          "sandbox_lounge", "sandbox_market", "sandbox_slow", "sandbox_news", "sandbox_news_chat"
        }) {
      assertTrue(world.world().chatByUsername(name).isPresent(), name);
    }
    assertEquals(30, world.world().chatByUsername("sandbox_slow").orElseThrow().slowModeDelay());
    assertTrue(
        world.world().chatByInviteLink(DemoWorld.PRIVATE_CLUB).orElseThrow().joinByRequest());
  }
}
