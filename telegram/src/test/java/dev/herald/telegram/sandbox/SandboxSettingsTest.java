package dev.herald.telegram.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.telegram.model.TelegramLimits;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  private static SandboxSettings settings(String profile, Optional<Boolean> demo, String limits) {
    SandboxSettings settings = new SandboxSettings();
    settings.profile = profile;
    settings.demoWorld = demo;
    settings.worldLimits = limits;
    settings.forbiddenChats = Optional.empty();
    return settings;
  }

  @Test
  void theDemoWorldIsSeededInTheDevProfileUnlessSaidOtherwise() {
    assertTrue(settings("dev", Optional.empty(), "telegram").demoWorld());
    assertFalse(settings("prod", Optional.empty(), "telegram").demoWorld());
    assertFalse(settings("dev", Optional.of(false), "telegram").demoWorld());
    assertTrue(settings("prod", Optional.of(true), "telegram").demoWorld());
  }

  @Test
  void worldLimitsAreTelegramsOrOff() {
    assertEquals(
        TelegramLimits.telegram(), settings("dev", Optional.empty(), "telegram").worldLimits());
    assertEquals(
        TelegramLimits.unlimited(), settings("dev", Optional.empty(), " OFF ").worldLimits());
    assertThrows(
        IllegalArgumentException.class,
        () -> settings("dev", Optional.empty(), "strict").worldLimits());
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
