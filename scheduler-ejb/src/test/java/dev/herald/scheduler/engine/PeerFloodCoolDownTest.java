package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.domain.engine.OutcomePolicy;
import dev.herald.domain.shared.MutableClock;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramException;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The engine's default cool-down after {@code PEER_FLOOD}, against the Telegram model: a session
 * sitting out the default is not tried again while its account is still limited, so it earns no
 * second refusal; an hour's cool-down (the old default) would.
 */
class PeerFloodCoolDownTest {

  private static final Account SESSION = Account.user(7);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final TelegramWorld telegram = new TelegramWorld(clock, TelegramLimits.telegram());

  /** The session sends one text to 21 groups it just joined: Telegram limits the account. */
  private Chat spamLimited() {
    Chat last = null;
    for (int i = 0; i <= 20; i++) {
      last = telegram.createChat(NewChat.supergroup("Market " + i).username("market_" + i));
      telegram.tell(SESSION, last.id());
      telegram.joinChat(SESSION, last.id());
      clock.advance(Duration.ofMinutes(3)); // within the join budget
      long chat = last.id();
      if (i < 20) {
        telegram.sendMessage(SESSION, chat, "Fresh apples");
      } else {
        assertEquals(
            "400 PEER_FLOOD",
            assertThrows(
                    TelegramException.class,
                    () -> telegram.sendMessage(SESSION, chat, "Fresh apples"))
                .toString());
      }
    }
    return last;
  }

  private Duration coolDown(OutcomePolicy policy) {
    return policy.decide(new SendOutcome.SenderLimited("PEER_FLOOD")).coolDown();
  }

  @Test
  void theDefaultCoolDownOutlastsTelegramsShortestLimit() {
    Chat chat = spamLimited();
    OutcomePolicy defaults =
        new OutcomePolicy(
            false, Duration.ofSeconds(Long.parseLong(OutcomePolicy.PEER_FLOOD_COOL_DOWN_SECONDS)));
    clock.advance(coolDown(defaults));
    telegram.sendMessage(SESSION, chat.id(), "Pears today");
    assertEquals(1L, telegram.figures().refusedByReason().get("PEER_FLOOD"), "refused once");
  }

  @Test
  void anHoursCoolDownIsRefusedAgain() {
    Chat chat = spamLimited();
    clock.advance(coolDown(new OutcomePolicy(false, Duration.ofHours(1))));
    assertThrows(
        TelegramException.class, () -> telegram.sendMessage(SESSION, chat.id(), "Pears today"));
    assertEquals(2L, telegram.figures().refusedByReason().get("PEER_FLOOD"));
  }
}
