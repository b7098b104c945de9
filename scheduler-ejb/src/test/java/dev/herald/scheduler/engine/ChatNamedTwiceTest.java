package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.engine.CycleSummary;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.Chat;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One chat named twice in a config, on the Telegram model: {@code @market} and its numeric id are
 * two posts in one chat every cycle unless the engine knows they are one chat. Once the username is
 * resolved (its first cycle), every cycle posts there once, under the first name, and says so in
 * its activity entry. The model's send log is the judge.
 */
class ChatNamedTwiceTest {

  private static final long SESSION = 7;
  @RegisterExtension final CycleBench bench = new CycleBench(Instant.parse("2026-03-02T09:00:00Z"));

  private final EngineOnModel engine = new EngineOnModel(bench, false);
  private final TelegramWorld telegram = engine.telegram;

  private void cycle(long cycleId, List<ChatReference> groups) {
    engine.sessionCycle(
        cycleId,
        "Fresh apples, 2 EUR a kilo",
        groups,
        SESSION,
        Duration.ofMinutes(2),
        new TargetRules(10));
  }

  @Test
  void aChatNamedByUsernameAndByIdTakesOnePostACycleOnceTheUsernameIsResolved() {
    Chat market = telegram.createChat(NewChat.supergroup("market").username("market"));
    Chat other = telegram.createChat(NewChat.supergroup("other").username("other"));
    List<ChatReference> groups =
        List.of(
            ChatReference.parse("@market"),
            ChatReference.parse("@other"),
            ChatReference.parse(String.valueOf(market.id())));

    // The first cycle cannot know yet: @market is resolved by it.
    cycle(1, groups);
    assertEquals(2, engine.delivered(e -> e.chatId() == market.id()));
    for (int cycle = 2; cycle <= 4; cycle++) {
      bench.clock.advance(Duration.ofMinutes(2));
      cycle(cycle, groups);
      CycleSummary entry = bench.store.completed.get(0).summary();
      assertTrue(entry.message().contains("1 same chat"), entry::toString);
    }

    assertEquals(2 + 3, engine.delivered(e -> e.chatId() == market.id()), "one post a cycle");
    assertEquals(4, engine.delivered(e -> e.chatId() == other.id()));
  }
}
