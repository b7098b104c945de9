package dev.herald.domain.bot;

import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.session.SessionRepository;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.userbot.UserBot;
import dev.herald.domain.userbot.UserBotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A tenant's view of their bot: reading and changing its configuration, reading its state. */
@ApplicationScoped
@Transactional
public class BotService {

  @Inject BotRepository bots;
  @Inject AccountRepository accounts;
  @Inject SessionRepository sessions;
  @Inject UserBotRepository userBots;
  @Inject TelegramGateway gateway;
  @Inject Clock clock;

  /** The stored configuration, else the empty one: a read never creates the bot's row. */
  public BotConfig config(long accountId) {
    return bots.findByAccountId(accountId).orElseGet(() -> emptyBot(accountId)).config();
  }

  /**
   * Validates the configuration against the account's plan without storing it: the console checks a
   * draft as it is typed, with the same messages a save would answer.
   */
  @Transactional(TxType.SUPPORTS)
  public BotConfig checkConfig(long accountId, BotConfigInput input) {
    return BotConfigPolicy.validate(input, account(accountId).plan().limits());
  }

  /** Validates the configuration against the account's plan and stores it whole, or not at all. */
  public BotConfig updateConfig(long accountId, BotConfigInput input) {
    PlanLimits limits = account(accountId).plan().limits();
    BotConfig config = BotConfigPolicy.validate(input, limits);
    Bot bot = botOf(accountId);
    bot.applyConfig(config, clock.instant());
    return bots.save(bot).config();
  }

  /**
   * Reads only, outside a JTA transaction (the statements autocommit): this is what dashboards
   * poll, and a transaction per poll was a quarter of its cost. A tenant without a bot row yet sees
   * the state of an empty bot; the row is created when they first configure or start it.
   */
  @Transactional(TxType.SUPPORTS)
  public BotState state(long accountId) {
    Bot bot = bots.findByAccountId(accountId).orElseGet(() -> emptyBot(accountId));
    List<String> senders = new ArrayList<>();
    userBots
        .findByAccountId(accountId)
        .filter(UserBot::usable)
        .ifPresent(own -> senders.add("user-bot @" + own.username().orElse(own.tokenMasked())));
    sessions.assignedTo(accountId).stream()
        .filter(s -> s.state() == SessionState.ASSIGNED || s.state() == SessionState.COOLING_DOWN)
        .map(
            s ->
                "session#"
                    + s.id()
                    + " "
                    + s.phoneMasked()
                    + (s.state() == SessionState.COOLING_DOWN ? " (cooling down)" : ""))
        .forEach(senders::add);
    boolean idle =
        bot.status() == BotStatus.RUNNING
            && (senders.isEmpty() || !bot.config().missingForStart().isEmpty());
    return new BotState(
        bot.status(),
        bot.stopReason().orElse(null),
        idle,
        bot.lastErrorReason().orElse(null),
        bot.nextRunAt().orElse(null),
        senders,
        gateway.transport(),
        gateway.dryRun());
  }

  /** The account's bot, created with an empty configuration on first use. */
  Bot botOf(long accountId) {
    return bots.findByAccountId(accountId).orElseGet(() -> bots.save(emptyBot(accountId)));
  }

  private Bot emptyBot(long accountId) {
    PlanLimits limits = account(accountId).plan().limits();
    BotConfig empty =
        BotConfig.empty(
            limits.minDelayBetweenPostsSeconds(), limits.minDelayBetweenCyclesSeconds());
    return new Bot(accountId, empty, clock.instant());
  }

  private Account account(long accountId) {
    return accounts
        .findById(accountId)
        .orElseThrow(() -> new NotFoundException("No such account."));
  }
}
