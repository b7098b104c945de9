package dev.herald.domain.bot;

import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.audit.Actor;
import dev.herald.domain.audit.AuditAction;
import dev.herald.domain.audit.AuditLog;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.shared.ConflictException;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import dev.herald.domain.shared.ProblemType;
import dev.herald.domain.userbot.UserBot;
import dev.herald.domain.userbot.UserBotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What admins do to a tenant's bots: suspend (the posting bot and the user bot, with a reason),
 * activate, set the user bot's rate limits, delete, list. Each change and its audit row commit
 * together.
 */
@ApplicationScoped
@Transactional
public class AdminBotService {

  @Inject BotRepository bots;
  @Inject BotDirectory directory;
  @Inject UserBotRepository userBots;
  @Inject AccountRepository accounts;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * A tenant's bots: the posting bot (empty for a tenant who registered its own bot before saving
   * any bot configuration) and, when there is one, the user bot.
   */
  public record Entry(Optional<Bot> bot, Optional<UserBot> userBot) {

    public Entry {
      if (bot.isEmpty() && userBot.isEmpty()) {
        throw new IllegalArgumentException("an entry holds a bot, a user bot or both");
      }
    }

    public long accountId() {
      return bot.map(Bot::accountId).orElseGet(() -> userBot.orElseThrow().accountId());
    }
  }

  public Entry suspend(Actor actor, long accountId, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw InvalidInputException.of(
          "reason", "Say why the bot is suspended (1 to 500 characters).");
    }
    Instant now = clock.instant();
    Bot bot = botOf(accountId);
    bot.suspend(now);
    Optional<UserBot> userBot = userBots.findByAccountId(accountId);
    userBot.ifPresent(u -> u.suspend(reason.strip(), now));
    audit.record(
        actor, AuditAction.BOT_SUSPENDED, "account", accountId, "reason=" + reason.strip());
    return new Entry(Optional.of(bot), userBot);
  }

  public Entry activate(Actor actor, long accountId) {
    Instant now = clock.instant();
    Bot bot = botOf(accountId);
    bot.activate(now);
    Optional<UserBot> userBot = userBots.findByAccountId(accountId);
    userBot.ifPresent(u -> u.activate(now));
    audit.record(actor, AuditAction.BOT_ACTIVATED, "account", accountId, null);
    return new Entry(Optional.of(bot), userBot);
  }

  public Entry setRateLimits(Actor actor, long accountId, Integer rps, Integer maxConcurrent) {
    if (rps == null || rps < 1 || rps > 30) {
      throw InvalidInputException.of(
          "rate_limit_rps",
          "Must be 1 to 30 (Telegram allows about 30 messages a second per bot).");
    }
    if (maxConcurrent == null || maxConcurrent < 1 || maxConcurrent > 100) {
      throw InvalidInputException.of("max_concurrent_requests", "Must be 1 to 100.");
    }
    UserBot userBot =
        userBots
            .findByAccountId(accountId)
            .orElseThrow(() -> new NotFoundException("This account has no user bot."));
    userBot.setRateLimits(rps, maxConcurrent, clock.instant());
    audit.record(
        actor,
        AuditAction.USER_BOT_RATE_LIMITS_SET,
        "account",
        accountId,
        "rate_limit_rps=" + rps + " max_concurrent_requests=" + maxConcurrent);
    return new Entry(Optional.of(botOf(accountId)), Optional.of(userBot));
  }

  /**
   * Deletes the bot's configuration and the user bot; a bot that is running must be stopped first.
   */
  public void delete(Actor actor, long accountId) {
    requireAccount(accountId);
    Optional<Bot> bot = bots.findByAccountId(accountId);
    if (bot.isPresent()
        && (bot.get().status() == BotStatus.RUNNING || bot.get().status() == BotStatus.STOPPING)) {
      throw new ConflictException(
          ProblemType.BOT_RUNNING, "Stop or suspend the bot before deleting it.");
    }
    Optional<UserBot> userBot = userBots.findByAccountId(accountId);
    if (bot.isEmpty() && userBot.isEmpty()) {
      throw new NotFoundException("This account has no bot.");
    }
    bot.ifPresent(directory::delete);
    userBot.ifPresent(userBots::delete);
    audit.record(
        actor,
        AuditAction.BOT_DELETED,
        "account",
        accountId,
        "bot=" + bot.isPresent() + " user_bot=" + userBot.isPresent());
  }

  /**
   * The account's bot and own bot, for an admin opening the tenant: either is enough (an own bot
   * registered before any bot configuration still has its limits to set).
   */
  public Entry get(long accountId) {
    requireAccount(accountId);
    Optional<Bot> bot = bots.findByAccountId(accountId);
    Optional<UserBot> userBot = userBots.findByAccountId(accountId);
    if (bot.isEmpty() && userBot.isEmpty()) {
      throw new NotFoundException("This account has no bot.");
    }
    return new Entry(bot, userBot);
  }

  /** Bots with this status (all when null), by account id. */
  public Page<Entry> list(BotStatus status, PageRequest request) {
    return request
        .page(directory.page(status, request.after(), request.fetchSize()), Bot::accountId)
        .map(b -> new Entry(Optional.of(b), userBots.findByAccountId(b.accountId())));
  }

  /** The account's bot; an account that never configured one gets an empty one to suspend. */
  private Bot botOf(long accountId) {
    PlanLimits limits =
        accounts
            .findById(accountId)
            .orElseThrow(() -> new NotFoundException("No such account."))
            .plan()
            .limits();
    return bots.findByAccountId(accountId)
        .orElseGet(
            () ->
                bots.save(
                    new Bot(
                        accountId,
                        BotConfig.empty(
                            limits.minDelayBetweenPostsSeconds(),
                            limits.minDelayBetweenCyclesSeconds()),
                        clock.instant())));
  }

  private void requireAccount(long accountId) {
    if (accounts.findById(accountId).isEmpty()) {
      throw new NotFoundException("No such account.");
    }
  }
}
