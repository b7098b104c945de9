package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.userbot.UserBotVerification;
import dev.herald.domain.userbot.UserBotVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dry-run verification: a token is valid when it has the Bot API shape ({@code <bot id>:<secret>});
 * the test message goes through the sandbox gateway, so injected faults apply to it too.
 */
@ApplicationScoped
@Typed(SandboxUserBotVerifier.class)
public class SandboxUserBotVerifier implements UserBotVerifier {

  private static final Pattern TOKEN = Pattern.compile("(\\d{1,20}):[A-Za-z0-9_-]{30,}");

  private SandboxGateway gateway;

  public SandboxUserBotVerifier() {}

  @Inject
  public SandboxUserBotVerifier(SandboxGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public String transport() {
    return "sandbox";
  }

  @Override
  public UserBotVerification verify(
      long accountId, String token, Optional<ChatReference> testChat) {
    Matcher shape = token == null ? null : TOKEN.matcher(token.strip());
    if (shape == null || !shape.matches()) {
      return UserBotVerification.invalid(
          "Not a Bot API token: expected <bot id>:<secret> as given by @BotFather.");
    }
    long botId = Long.parseLong(shape.group(1));
    Optional<SendOutcome> test =
        testChat.map(
            chat ->
                gateway.send(
                    Sender.userBot(accountId, token),
                    chat,
                    Post.text("Herald test message (sandbox, nothing was sent).")));
    return UserBotVerification.valid(botId, "sandbox_bot_" + botId, test);
  }
}
