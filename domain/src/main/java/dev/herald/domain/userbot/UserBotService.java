package dev.herald.domain.userbot;

import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.shared.Tokens;
import dev.herald.domain.shared.UnprocessableException;
import dev.herald.domain.shared.crypto.DataCipher;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A tenant's own user bot: register, read, replace the token, remove, verify. */
@ApplicationScoped
@Transactional
public class UserBotService {

  @Inject UserBotRepository bots;
  @Inject UserBotVerifier verifier;
  @Inject DataCipher cipher;
  @Inject Clock clock;

  public UserBot register(long accountId, String token) {
    String valid = UserBotTokens.requireWellFormed(token);
    if (bots.findByAccountId(accountId).isPresent()) {
      throw new ConflictException(
          ProblemType.USER_BOT_EXISTS,
          "You have a user bot already; PATCH /user-bot changes its token.");
    }
    return bots.save(
        new UserBot(accountId, cipher.encrypt(valid), Tokens.mask(valid), clock.instant()));
  }

  public UserBot get(long accountId) {
    return bots.findByAccountId(accountId)
        .orElseThrow(() -> new NotFoundException("You have no user bot; POST /user-bot adds one."));
  }

  /** The transport user bots post through now: a verification holds only on it. */
  public String transport() {
    return verifier.transport();
  }

  public UserBot replaceToken(long accountId, String token) {
    String valid = UserBotTokens.requireWellFormed(token);
    UserBot bot = get(accountId);
    bot.replaceToken(cipher.encrypt(valid), Tokens.mask(valid), clock.instant());
    return bot;
  }

  public void remove(long accountId) {
    bots.delete(get(accountId));
  }

  /**
   * Checks the stored token through the {@link UserBotVerifier} ({@code getMe}, then a test message
   * when a chat is given). A token Telegram refuses is a 422 and changes nothing.
   */
  public UserBot verify(long accountId, Optional<ChatReference> testChat) {
    UserBot bot = get(accountId);
    UserBotVerification result =
        verifier.verify(accountId, cipher.decrypt(bot.tokenEncrypted()), testChat);
    if (!result.verified()) {
      String why =
          result.failure() != null
              ? result.failure()
              : "The test message was not delivered: "
                  + result.testMessage().map(SendOutcome::detail).orElse("");
      throw new UnprocessableException(ProblemType.USER_BOT_VERIFICATION_FAILED, why, List.of());
    }
    bot.markVerified(result.botId(), result.username(), verifier.transport(), clock.instant());
    return bot;
  }
}
