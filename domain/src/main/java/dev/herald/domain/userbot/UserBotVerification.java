package dev.herald.domain.userbot;

import dev.herald.domain.telegram.SendOutcome;
import java.util.Optional;

/**
 * What verifying a token found: the bot's identity when {@code getMe} succeeded, and the outcome of
 * the test message when one was sent.
 */
public record UserBotVerification(
    boolean tokenValid,
    long botId,
    String username,
    Optional<SendOutcome> testMessage,
    String failure) {

  public static UserBotVerification valid(long botId, String username, Optional<SendOutcome> test) {
    return new UserBotVerification(true, botId, username, test, null);
  }

  public static UserBotVerification invalid(String failure) {
    return new UserBotVerification(false, 0, null, Optional.empty(), failure);
  }

  /** Verified means the token works and the test message, if any, was delivered. */
  public boolean verified() {
    return tokenValid
        && testMessage.map(outcome -> outcome instanceof SendOutcome.Delivered).orElse(true);
  }
}
