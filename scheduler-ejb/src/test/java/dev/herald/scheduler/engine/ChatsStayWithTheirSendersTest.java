package dev.herald.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.engine.DueCycle;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.TextFormatter;
import dev.herald.telegram.model.Account;
import dev.herald.telegram.model.Membership;
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import dev.herald.telegram.sandbox.FaultPlan;
import dev.herald.telegram.sandbox.SandboxFaults;
import dev.herald.telegram.sandbox.SandboxGateway;
import dev.herald.telegram.sandbox.SandboxWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  private final TelegramWorld telegram = new TelegramWorld(bench.clock, TelegramLimits.telegram());

  /** The sandbox on the model's closed world: a chat is posted to only once joined. */
  private final SandboxGateway sandbox =
      new SandboxGateway(
          new SandboxFaults(FaultPlan.none(), 42), new SandboxWorld(telegram, false), bench.clock);

  private final InMemoryTargetStore targets = new InMemoryTargetStore();
  private final TargetWrites targetWrites = new TargetWrites(targets);
  private final List<ChatReference> groups =
      IntStream.range(0, 9).mapToObj(i -> ChatReference.parse("@souk_" + i)).toList();

  private void cycle(long cycleId, List<Long> sessions) {
    cycle(cycleId, sessions, Optional.empty());
  }

  /** A cycle of account 1 with these sessions and, when {@code botToken} is given, its own bot. */
  private void cycle(long cycleId, List<Long> sessions, Optional<String> botToken) {
    bench.store.completed.clear();
    bench.run(
        new DueCycle(
            1,
            cycleId,
            bench.clock.instant(),
            BotPosts.of(BotPost.plainText("Spices, fresh every morning")),
            groups,
            sessions,
            botToken,
            3,
            Duration.ZERO,
            Duration.ofMinutes(10),
            Schedule.NONE,
            DailyCap.UNLIMITED,
            Map.of(),
            false),
        CycleBench.sending(sandbox, TextFormatter.plainOnly()),
        new EngineTargets(targets, sandbox, new TargetRules(10), targetWrites),
        targetWrites::flush);
    assertEquals(1, bench.store.completed.size(), "the cycle completed");
    bench.clock.advance(Duration.ofMinutes(10));
  }

  private long delivered() {
    return telegram.sendLog().entries().stream().filter(e -> e.delivered()).count();
  }

  private long deliveredBy(long session) {
    return deliveredBy(Account.user(session));
  }

  private long deliveredBy(Account sender) {
    return telegram.sendLog().entries().stream()
        .filter(e -> e.delivered() && e.sender().equals(sender))
        .count();
  }

  private long deliveredTo(String username) {
    long chatId = telegram.chatByUsername(username).orElseThrow().id();
    return telegram.sendLog().entries().stream()
        .filter(e -> e.delivered() && e.chatId() == chatId)
        .count();
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
    assertEquals(0, deliveredTo("souk_4"));

    cycle(2, List.of(7L), token);
    assertEquals(6 + 9, delivered(), "the bot not added there: the session posts them");
    assertEquals(1, deliveredTo("souk_4"));

    // Past its fair part the session lends a group to the bot, which checks it once.
    for (int cycle = 3; cycle <= 5; cycle++) {
      cycle(cycle, List.of(7L), token);
    }
    long before = delivered();
    cycle(6, List.of(7L), token);
    assertEquals(9, delivered() - before, "every group, once the bot knows where it is");
  }

  private void createTheGroups() {
    groups.forEach(
        g ->
            telegram.createChat(
                NewChat.supergroup(g.canonical()).username(g.canonical().substring(1))));
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
    assertEquals(6, deliveredBy(2), "session 2: its three groups in cycle 1, and again in 3");
  }
}
