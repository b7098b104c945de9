package dev.herald.telegram.botapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.Tokens;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.userbot.UserBotVerification;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BotApiUserBotVerifierTest extends FakeBotApiTest {

  private static final long ACCOUNT = 7;

  private BotApiUserBotVerifier verifier;

  @BeforeEach
  void connect() {
    BotApiClient client = telegram.client(Duration.ofSeconds(2));
    verifier = new BotApiUserBotVerifier(new BotApiGateway(client, false), client);
  }

  @Test
  void getMeAndTestMessageVerify() {
    telegram
        .ok("getMe", "{\"id\":123456789,\"is_bot\":true,\"username\":\"herald_test_bot\"}")
        .ok("sendMessage", "{\"message_id\":3}");
    UserBotVerification result =
        verifier.verify(
            ACCOUNT, FakeBotApi.TOKEN, Optional.of(ChatReference.parse("@herald_demo")));
    assertTrue(result.verified());
    assertEquals(123456789L, result.botId());
    assertEquals("herald_test_bot", result.username());
    assertEquals(Optional.of(new SendOutcome.Delivered(3)), result.testMessage());
    assertEquals("getMe", telegram.calls().get(0).method());
  }

  /**
   * The test message is a request of the account's user bot, as the engine's posts are: paced by
   * its admin's limits and counted in its total, not under the bot's Telegram id.
   */
  @Test
  void theTestMessageIsPacedAndCountedAsTheAccountsUserBot() {
    telegram
        .ok("getMe", "{\"id\":123456789,\"is_bot\":true,\"username\":\"herald_test_bot\"}")
        .ok("sendMessage", "{\"message_id\":3}");
    UserBotThrottleTest.MemoryRequests stored = new UserBotThrottleTest.MemoryRequests();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      BotApiClient client = telegram.client(Duration.ofSeconds(2));
      BotApiGateway paced =
          new BotApiGateway(client, false)
              .pacedBy(new UserBotThrottle(stored, scheduler, System::nanoTime));
      new BotApiUserBotVerifier(paced, client)
          .verify(ACCOUNT, FakeBotApi.TOKEN, Optional.of(ChatReference.parse("@herald_demo")));
      paced.countRequests();
    } finally {
      scheduler.shutdownNow();
    }
    assertEquals(Map.of(ACCOUNT, 1L), stored.counted);
  }

  @Test
  void rejectedTokenIsInvalid() {
    telegram.error("getMe", 401, "Unauthorized");
    UserBotVerification result = verifier.verify(ACCOUNT, FakeBotApi.TOKEN, Optional.empty());
    assertFalse(result.tokenValid());
    assertTrue(result.failure().contains("rejected"), result.failure());
    assertFalse(result.failure().contains("AAHdq"));
  }

  @Test
  void validTokenThatMayNotWriteTheChatIsNotVerified() {
    telegram
        .ok("getMe", "{\"id\":123456789,\"is_bot\":true,\"username\":\"herald_test_bot\"}")
        .error("sendMessage", 403, "Forbidden: bot is not a member of the channel chat");
    UserBotVerification result =
        verifier.verify(
            ACCOUNT, FakeBotApi.TOKEN, Optional.of(ChatReference.parse("@herald_demo")));
    assertTrue(result.tokenValid());
    assertFalse(result.verified());
    assertInstanceOf(SendOutcome.ChatForbidden.class, result.testMessage().orElseThrow());
  }

  @Test
  void tokensAreMaskedToTheBotId() {
    assertEquals("123456789:***", Tokens.mask(FakeBotApi.TOKEN));
    assertEquals("***", Tokens.mask("garbage"));
  }
}
