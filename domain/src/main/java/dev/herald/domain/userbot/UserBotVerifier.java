package dev.herald.domain.userbot;

import dev.herald.domain.telegram.ChatReference;
import java.util.Optional;

/**
 * Checks a Bot API token against Telegram: {@code getMe}, then, when a test chat is given, one test
 * message to it. Implemented by the {@code botapi} transport.
 */
public interface UserBotVerifier {

  /**
   * Checks {@code token}, the user bot of {@code accountId}. The test message is sent as that
   * account's user bot, like the engine's posts: paced by the limits its admin set and counted in
   * its {@code total_requests}.
   */
  UserBotVerification verify(long accountId, String token, Optional<ChatReference> testChat);

  /**
   * The transport this verifier checks on ({@code sandbox}, {@code botapi}): a verification holds
   * only on the transport it was made on.
   */
  String transport();
}
