package dev.herald.telegram.botapi;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.userbot.UserBotVerification;
import dev.herald.domain.userbot.UserBotVerifier;
import dev.herald.telegram.config.TelegramSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/** {@code getMe} proves the token; an optional test message proves the bot may write the chat. */
@ApplicationScoped
@Typed(BotApiUserBotVerifier.class)
public class BotApiUserBotVerifier implements UserBotVerifier {

  static final String TEST_MESSAGE = "Herald: this bot is connected and may post here.";

  private BotApiGateway gateway;
  private BotApiClient client;

  public BotApiUserBotVerifier() {}

  @Inject
  public BotApiUserBotVerifier(BotApiGateway gateway, TelegramSettings settings) {
    this(gateway, new BotApiClient(settings.botApiBaseUrl(), settings.botApiTimeout()));
  }

  public BotApiUserBotVerifier(BotApiGateway gateway, BotApiClient client) {
    this.gateway = gateway;
    this.client = client;
  }

  @Override
  public String transport() {
    return "botapi";
  }

  @Override
  public UserBotVerification verify(
      long accountId, String token, Optional<ChatReference> testChat) {
    if (token == null || token.isBlank()) {
      return UserBotVerification.invalid("No token given.");
    }
    BotApiResponse me = client.call(token.strip(), "getMe", JsonValue.EMPTY_JSON_OBJECT);
    if (!me.ok()) {
      SendOutcome why = BotApiErrorMapper.map(me);
      return UserBotVerification.invalid(
          why instanceof SendOutcome.Unauthorized
              ? "Telegram rejected the token; copy it again from @BotFather."
              : "Could not check the token now (" + why.code() + "); try again later.");
    }
    JsonObject bot = me.resultObject();
    long botId = bot.getJsonNumber("id").longValue();
    Optional<SendOutcome> test =
        testChat.map(
            chat ->
                gateway.send(
                    Sender.userBot(accountId, token.strip()), chat, Post.text(TEST_MESSAGE)));
    return UserBotVerification.valid(botId, bot.getString("username", ""), test);
  }
}
