package dev.herald.telegram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A simulated day's clock ({@link TelegramLimits#scaled}) and what the world counts. */
class WorldFiguresTest {

  private static final Account ALICE = Account.user(1);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

  private static Chat joined(TelegramWorld world, Account account, NewChat spec, String name) {
    Chat chat = world.createChat(spec.username(name));
    world.searchPublicChat(account, name);
    world.joinChat(account, chat.id());
    return chat;
  }

  @Test
  void aScaledWorldRunsSlowModeAndPenaltiesThatManyTimesFaster() {
    TelegramLimits day = TelegramLimits.telegram().scaled(60);
    TelegramWorld world = new TelegramWorld(clock, day);
    Chat chat = joined(world, ALICE, NewChat.supergroup("slow").slowMode(60), "slow_group");
    world.sendMessage(ALICE, chat.id(), "one");

    clock.advance(Duration.ofMillis(900));
    TelegramException early =
        assertThrows(TelegramException.class, () -> world.sendMessage(ALICE, chat.id(), "two"));
    assertEquals("400 SLOWMODE_WAIT_1", early.toString());
    clock.advance(Duration.ofMillis(100)); // 60 s of slow mode is 1 s on a 60x clock
    world.sendMessage(ALICE, chat.id(), "two");

    assertEquals(1, world.getChat(ALICE, chat.id()).slowModeDelay(), "60 s seen as 1 s");
    Chat hour = world.createChat(NewChat.supergroup("h").username("hour_slow").slowMode(3600));
    assertEquals(60, world.chat(hour.id()).orElseThrow().slowModeDelay());
    assertEquals(Duration.ofSeconds(1), day.onThisClock(Duration.ofMinutes(1)));
    assertEquals(Duration.ofMinutes(24), day.spamPenalty());
    assertEquals(60.0, day.timeScale());
    assertEquals(200, day.usernameResolutions().messages());
    assertThrows(IllegalArgumentException.class, () -> TelegramLimits.telegram().scaled(0.5));
  }

  @Test
  void countsRefusalsByReasonSpamLimitedAccountsAndJoinsPerHourOfTheWorldsClock() {
    TelegramWorld world = new TelegramWorld(clock, TelegramLimits.telegram().scaled(60));
    Chat slow = joined(world, ALICE, NewChat.supergroup("s").slowMode(10), "slow_chat");
    world.sendMessage(ALICE, slow.id(), "hello");
    assertThrows(TelegramException.class, () -> world.sendMessage(ALICE, slow.id(), "again"));
    clock.advance(Duration.ofSeconds(59)); // within one hour of a 60x clock: 2 joins
    joined(world, ALICE, NewChat.supergroup("b"), "second_chat");
    clock.advance(Duration.ofSeconds(61)); // the first join is out of the hour now
    Chat channel = joined(world, ALICE, NewChat.channel("c"), "third_chat");
    assertThrows(TelegramException.class, () -> world.sendMessage(ALICE, channel.id(), "x"));

    WorldFigures figures = world.figures();

    assertEquals(60.0, figures.timeScale());
    assertEquals(3, figures.attempts());
    assertEquals(1, figures.delivered());
    assertEquals(
        Map.of("SLOWMODE_WAIT", 1L, "CHAT_WRITE_FORBIDDEN", 1L), figures.refusedByReason());
    assertEquals(3, figures.joins());
    assertEquals(2, figures.maxJoinsPerAccountPerHour());
    assertEquals(0, figures.spamLimitedAccounts());
    List<ChatMembership> memberships = world.memberships();
    assertEquals(3, memberships.size());
    assertTrue(memberships.stream().allMatch(m -> m.membership() == Membership.MEMBER));
  }

  @Test
  void anAccountThatEarnedPeerFloodIsCountedAsSpamLimited() {
    TelegramLimits strict =
        new TelegramLimits(
            Rate.unlimited(),
            Rate.unlimited(),
            Rate.unlimited(),
            Rate.unlimited(),
            Rate.unlimited(),
            1,
            Duration.ofDays(1),
            Duration.ofDays(1),
            1);
    TelegramWorld world = new TelegramWorld(clock, strict);
    Chat a = joined(world, ALICE, NewChat.supergroup("a"), "spam_one");
    Chat b = joined(world, ALICE, NewChat.supergroup("b"), "spam_two");
    world.sendMessage(ALICE, a.id(), "same");
    assertThrows(TelegramException.class, () -> world.sendMessage(ALICE, b.id(), "same"));

    assertEquals(1, world.figures().spamLimitedAccounts());
    assertEquals(Map.of("PEER_FLOOD", 1L), world.figures().refusedByReason());
  }
}
