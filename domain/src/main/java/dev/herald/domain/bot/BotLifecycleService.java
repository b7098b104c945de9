package dev.herald.domain.bot;

import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.engine.WakeSignal;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanStatus;
import dev.herald.domain.session.SessionRepository;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.TelegramSession;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.FieldError;
import dev.herald.domain.shared.ForbiddenException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.shared.UnprocessableException;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.userbot.UserBotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Starting and stopping a bot (SPEC rules 3 and 6). Start checks, in this order: the plan allows
 * running (else 403 naming the plan state), the configuration is complete (else 422), the bot is
 * not suspended by an admin (403), and at least one sender is usable (else 409). Sessions are
 * assigned lazily here, up to the plan's {@code maxSessions}.
 */
@ApplicationScoped
@Transactional
public class BotLifecycleService {

  @Inject BotService bots;
  @Inject BotRepository botRepository;
  @Inject AccountRepository accounts;
  @Inject SessionRepository sessions;
  @Inject UserBotRepository userBots;
  @Inject TelegramGateway gateway;
  @Inject WakeSignal wake;
  @Inject Clock clock;

  public BotState start(long accountId) {
    Instant now = clock.instant();
    Account account =
        accounts.findById(accountId).orElseThrow(() -> new NotFoundException("No such account."));
    requirePlanAllowsRunning(account.plan(), now);
    Bot bot = bots.botOf(accountId);
    List<FieldError> missing = bot.config().missingForStart();
    if (!missing.isEmpty()) {
      throw new UnprocessableException(
          ProblemType.CONFIG_INCOMPLETE,
          "Complete the bot configuration before starting it.",
          missing);
    }
    if (bot.status() == BotStatus.SUSPENDED) {
      throw new ForbiddenException(
          ProblemType.BOT_SUSPENDED,
          "An admin suspended this bot; contact support to have it activated.");
    }
    if (bot.status() == BotStatus.RUNNING) {
      return bots.state(accountId);
    }
    List<TelegramSession> held = sessions.assignedTo(accountId);
    // A parked UNAVAILABLE session still takes one of the account's places but is no sender to
    // start with (a session waiting out a flood is: it sends again within the flood's time).
    int wanted =
        account.plan().limits().maxSessions()
            - (int) held.stream().filter(s -> s.state().inUse()).count();
    int usable = (int) held.stream().filter(s -> SessionState.SENDING.contains(s.state())).count();
    if (wanted > 0) {
      usable += sessions.allocate(accountId, wanted).size();
    }
    String userBotTransport = gateway.transport(Sender.Kind.USER_BOT);
    boolean ownBot =
        userBots
            .findByAccountId(accountId)
            .map(own -> own.usableOn(userBotTransport))
            .orElse(false);
    if (usable == 0 && !ownBot) {
      throw new ConflictException(
          ProblemType.NO_SENDER_AVAILABLE,
          "No Telegram session is free (the pool is empty, banned or its API pairs are full) and"
              + " you have no verified bot of your own. Try again later or add a user bot.");
    }
    bot.markRunning(now);
    botRepository.save(bot);
    wake.afterCommit(accountId);
    return bots.state(accountId);
  }

  /**
   * Acknowledges a stop: from now on no new post starts. A bot with a cycle in flight is {@code
   * STOPPING} until the engine has finished the post in flight.
   */
  public BotState stop(long accountId) {
    bots.botOf(accountId);
    botRepository.requestStop(accountId, StopReason.USER);
    return bots.state(accountId);
  }

  private static void requirePlanAllowsRunning(Plan plan, Instant now) {
    PlanStatus status = plan.effectiveStatus(now);
    if (status.allowsRunning()) {
      return;
    }
    String since =
        plan.expiresAt().filter(at -> !at.isAfter(now)).map(at -> " since " + at).orElse("");
    throw new ForbiddenException(
        status == PlanStatus.EXPIRED ? ProblemType.PLAN_EXPIRED : ProblemType.PLAN_INACTIVE,
        "Your plan is " + status + since + ". Renew your subscription to start the bot.");
  }
}
