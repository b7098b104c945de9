package dev.herald.telegram.sandbox;

import dev.herald.domain.telegram.SendOutcome;
import dev.herald.telegram.botapi.BotApiErrorMapper;
import dev.herald.telegram.botapi.BotApiResponse;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.TelegramException;
import dev.herald.telegram.tdlib.TdlibErrorMapper;
import java.time.Duration;

/**
 * Maps the world's answers to outcomes exactly as the real transports would: a session's error
 * through the TDLib mapper, a bot's through the Bot API mapper, so the sandbox never decides an
 * outcome of its own for what Telegram would have said.
 */
final class SandboxOutcomes {

  private SandboxOutcomes() {}

  static SendOutcome of(Account account, TelegramException refused) {
    if (account.isBot()) {
      return BotApiErrorMapper.map(
          new BotApiResponse(
              refused.code(),
              false,
              null,
              refused.code(),
              refused.error(),
              refused.retryAfter().map(Duration::toSeconds)));
    }
    return TdlibErrorMapper.map(refused.code(), refused.error());
  }
}
