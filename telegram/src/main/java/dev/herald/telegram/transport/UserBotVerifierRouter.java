package dev.herald.telegram.transport;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.userbot.UserBotVerification;
import dev.herald.domain.userbot.UserBotVerifier;
import dev.herald.telegram.botapi.BotApiUserBotVerifier;
import dev.herald.telegram.config.TelegramSettings;
import dev.herald.telegram.sandbox.SandboxUserBotVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;

/** The {@link UserBotVerifier} Herald injects: the sandbox's or the Bot API's, by configuration. */
@ApplicationScoped
public class UserBotVerifierRouter implements UserBotVerifier {

  private TelegramSettings settings;
  private Provider<SandboxUserBotVerifier> sandbox;
  private Provider<BotApiUserBotVerifier> botApi;

  public UserBotVerifierRouter() {}

  @Inject
  public UserBotVerifierRouter(
      TelegramSettings settings,
      Provider<SandboxUserBotVerifier> sandbox,
      Provider<BotApiUserBotVerifier> botApi) {
    this.settings = settings;
    this.sandbox = sandbox;
    this.botApi = botApi;
  }

  @Override
  public UserBotVerification verify(
      long accountId, String token, Optional<ChatReference> testChat) {
    return current().verify(accountId, token, testChat);
  }

  @Override
  public String transport() {
    return current().transport();
  }

  private UserBotVerifier current() {
    return "botapi".equals(settings.userBotTransport()) ? botApi.get() : sandbox.get();
  }
}
