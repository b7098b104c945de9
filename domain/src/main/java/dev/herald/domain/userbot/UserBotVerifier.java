package dev.herald.domain.userbot;

import dev.herald.domain.telegram.ChatReference;
import java.util.Optional;

/**
 * Checks a Bot API token against Telegram: {@code getMe}, then, when a test chat is given, one test
 * message to it. Implemented by the {@code botapi} transport.
 */
public interface UserBotVerifier {

  UserBotVerification verify(String token, Optional<ChatReference> testChat);

  /**
   * The transport this verifier checks on ({@code sandbox}, {@code botapi}): a verification holds
   * only on the transport it was made on.
   */
  String transport();
}
