package dev.herald.domain.userbot;

import dev.herald.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/** Bot API tokens: their shape ({@code <bot id>:<secret>}); {@code Tokens} masks them. */
public final class UserBotTokens {

  private static final Pattern SHAPE = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,100}");

  private UserBotTokens() {}

  public static String requireWellFormed(String token) {
    String stripped = token == null ? "" : token.strip();
    if (!SHAPE.matcher(stripped).matches()) {
      throw InvalidInputException.of(
          "token", "Give the bot token from @BotFather: <bot id>:<secret>, e.g. 123456:ABC-DEF...");
    }
    return stripped;
  }
}
