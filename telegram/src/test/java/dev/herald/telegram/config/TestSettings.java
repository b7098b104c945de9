package dev.herald.telegram.config;

import java.util.Optional;

/** {@link TelegramSettings} as tests need them, without MicroProfile Config. */
public final class TestSettings {

  private TestSettings() {}

  /** Only the transports set. */
  public static TelegramSettings transports(String sessions, String userBots) {
    TelegramSettings settings = new TelegramSettings();
    settings.sessions = sessions;
    settings.userBots = userBots;
    return settings;
  }

  /** Only the sandbox world's settings set, no forbidden chats. */
  public static TelegramSettings sandboxWorld(
      String profile, Optional<Boolean> demo, String limits) {
    TelegramSettings settings = new TelegramSettings();
    settings.profile = profile;
    settings.demoWorld = demo;
    settings.worldLimits = limits;
    settings.forbiddenChats = Optional.empty();
    return settings;
  }
}
