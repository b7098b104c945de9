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
import dev.herald.telegram.model.NewChat;
import dev.herald.telegram.model.SendLog;
import dev.herald.telegram.model.TelegramLimits;
import dev.herald.telegram.model.TelegramWorld;
import dev.herald.telegram.sandbox.FaultPlan;
import dev.herald.telegram.sandbox.SandboxFaults;
import dev.herald.telegram.sandbox.SandboxGateway;
import dev.herald.telegram.sandbox.SandboxWorld;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The engine of one account (id 1) on the Telegram model with Telegram's limits, through the
 * sandbox: its cycles run on {@code bench}, their targets kept in memory, and what Telegram
 * received is read from the model's send log and counters.
 */
final class EngineOnModel {

  final CycleBench bench;
  final TelegramWorld telegram;
  final SandboxGateway sandbox;
  final SandboxFaults faults = new SandboxFaults(FaultPlan.none(), 42);
  final InMemoryTargetStore targets = new InMemoryTargetStore();
  private final TargetWrites targetWrites = new TargetWrites(targets);

  /**
   * {@code openWorld}: every group exists and admits whoever contacts it; otherwise a group exists
   * once created ({@link #createGroups}) and a session posts there only once it joined.
   */
  EngineOnModel(CycleBench bench, boolean openWorld) {
    this.bench = bench;
    this.telegram = new TelegramWorld(bench.clock, TelegramLimits.telegram());
    this.sandbox = new SandboxGateway(faults, new SandboxWorld(telegram, openWorld), bench.clock);
  }

  /** Public supergroups named after the references' usernames. */
  void createGroups(List<ChatReference> groups) {
    groups.forEach(
        g -> telegram.createChat(NewChat.supergroup(g.canonical()).username(g.username())));
  }

  /**
   * One cycle of account 1 posting {@code text} to {@code groups} with {@code sessions} and, when
   * {@code botToken} is given, its own bot, at most {@code maxInFlight} at once, under {@code
   * rules}; the cycle completes.
   */
  void cycle(
      long cycleId,
      String text,
      List<ChatReference> groups,
      List<Long> sessions,
      Optional<String> botToken,
      int maxInFlight,
      Duration delayBetweenCycles,
      TargetRules rules) {
    cycle(cycleId, text, groups, sessions, botToken, maxInFlight, delayBetweenCycles, rules, false);
  }

  /**
   * {@link #cycle}, or with {@code continued} the next run of a cycle handed back (its delivery
   * records stand), as the claim gives it.
   */
  void cycle(
      long cycleId,
      String text,
      List<ChatReference> groups,
      List<Long> sessions,
      Optional<String> botToken,
      int maxInFlight,
      Duration delayBetweenCycles,
      TargetRules rules,
      boolean continued) {
    DueCycle due =
        new DueCycle(
            1,
            cycleId,
            bench.clock.instant(),
            BotPosts.of(BotPost.plainText(text)),
            groups,
            sessions,
            botToken,
            maxInFlight,
            Duration.ZERO,
            delayBetweenCycles,
            Schedule.NONE,
            DailyCap.UNLIMITED,
            Map.of(),
            false);
    run(continued ? bench.store.continued(due, sessions) : due, rules);
  }

  /** Runs {@code due} as it is, its targets under {@code rules}; the cycle completes. */
  void run(DueCycle due, TargetRules rules) {
    bench.store.completed.clear();
    bench.run(
        due,
        CycleBench.sending(sandbox, TextFormatter.plainOnly()),
        new EngineTargets(targets, sandbox, rules, targetWrites),
        targetWrites::flush);
    assertEquals(1, bench.store.completed.size(), "the cycle completed");
  }

  /** {@link #cycle} of one session alone, one post at a time. */
  void sessionCycle(
      long cycleId,
      String text,
      List<ChatReference> groups,
      long session,
      Duration delayBetweenCycles,
      TargetRules rules) {
    cycle(cycleId, text, groups, List.of(session), Optional.empty(), 1, delayBetweenCycles, rules);
  }

  /** Delivered sends the model logged that match {@code which}. */
  long delivered(Predicate<SendLog.Entry> which) {
    return telegram.sendLog().entries().stream()
        .filter(e -> e.delivered() && which.test(e))
        .count();
  }

  long deliveredBy(Account sender) {
    return delivered(e -> e.sender().equals(sender));
  }

  long deliveredTo(String username) {
    long chatId = telegram.chatByUsername(username).orElseThrow().id();
    return delivered(e -> e.chatId() == chatId);
  }
}
