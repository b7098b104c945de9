package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.TelegramWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who posts where, against the Telegram model with Telegram's limits: three sessions share nine
 * groups; when one sits a cycle out (a flood wait, a spent warm-up hour: the claim leaves it out),
 * only its three groups go to the others, and when it is back every group is posted to by a session
 * already in it. The model's join counter is the judge: every join is a risk for the account and
 * one of its 500 chats.
 */
class ChatsStayWithTheirSendersTest {

  private final Instant start = Instant.parse("2026-03-02T09:00:00Z");
  @RegisterExtension final CycleBench bench = new CycleBench(start);

  /** The model's closed world: a chat is posted to only once joined. */
  private final EngineOnModel engine = new EngineOnModel(bench, false);

  private final TelegramWorld telegram = engine.telegram;
  private final List<ChatReference> groups =
      IntStream.range(0, 9).mapToObj(i -> ChatReference.parse("@souk_" + i)).toList();

  private void cycle(long cycleId, List<Long> sessions) {
    cycle(cycleId, sessions, Optional.empty());
  }

  /** A cycle with these sessions and, when {@code botToken} is given, the account's own bot. */
  private void cycle(long cycleId, List<Long> sessions, Optional<String> botToken) {
    engine.cycle(
        cycleId,
        "Spices, fresh every morning",
        groups,
        sessions,
        botToken,
        3,
        Duration.ofMinutes(10),
        new TargetRules(10));
    bench.clock.advance(Duration.ofMinutes(10));
  }

  private long delivered() {
    return engine.delivered(e -> true);
  }

  @Test
  void aGroupTheTenantsBotWasNotAddedToIsPostedByASession() {
    createTheGroups();
    Account bot = Account.bot(1); // account 1's own bot
    for (int i = 0; i < 4; i++) {
      long chatId = telegram.chatByUsername("souk_" + i).orElseThrow().id();
      telegram.setMembership(chatId, bot, Membership.MEMBER);
    }
    Optional<String> token = Optional.of("4242:token");

    // Dealt round-robin at first, the bot gets @souk_4, 6 and 8 too: it finds it was not added.
    cycle(1, List.of(7L), token);
    assertEquals(6, delivered(), "the three groups the bot was not added to waited");
    assertEquals(0, engine.deliveredTo("souk_4"));

    cycle(2, List.of(7L), token);
    assertEquals(6 + 9, delivered(), "the bot not added there: the session posts them");
    assertEquals(1, engine.deliveredTo("souk_4"));

    // Past its fair part the session lends a group to the bot, which checks it once.
    for (int cycle = 3; cycle <= 5; cycle++) {
      cycle(cycle, List.of(7L), token);
    }
    long before = delivered();
    cycle(6, List.of(7L), token);
    assertEquals(9, delivered() - before, "every group, once the bot knows where it is");
  }

  @Test
  void aLoneGroupTheTenantsBotWasNotAddedToIsPostedByASession() {
    createTheGroups();
    // One group: one lane, dealt to the tenant's bot, which finds it was not added there.
    List<ChatReference> lone = List.of(groups.get(0));
    for (int cycle = 1; cycle <= 3; cycle++) {
      engine.cycle(
          cycle,
          "Saffron today",
          lone,
          List.of(7L),
          Optional.of("4242:token"),
          3,
          Duration.ofMinutes(10),
          new TargetRules(10));
      bench.clock.advance(Duration.ofMinutes(10));
    }
    assertEquals(0, engine.deliveredBy(Account.bot(1)));
    assertEquals(
        2, engine.deliveredBy(Account.user(7)), "cycles 2 and 3: the session, not the bot again");
  }

  private void createTheGroups() {
    engine.createGroups(groups);
  }

  @Test
  void aSessionSittingACycleOutLendsOnlyItsOwnGroupsAndGetsThemBack() {
    createTheGroups();

    cycle(1, List.of(1L, 2L, 3L));
    assertEquals(9, telegram.figures().joins(), "each session joined its three groups");
    assertEquals(9, delivered());

    cycle(2, List.of(1L, 3L)); // session 2 sits this cycle out
    assertEquals(12, telegram.figures().joins(), "only session 2's three groups were joined anew");
    assertEquals(18, delivered());

    cycle(3, List.of(1L, 2L, 3L));
    assertEquals(12, telegram.figures().joins(), "back: every group posted by a session in it");
    assertEquals(27, delivered());
    assertEquals(
        6,
        engine.deliveredBy(Account.user(2)),
        "session 2: its three groups in cycle 1, and again in 3");
  }
}
