package dev.herald.domain.bot;

import dev.herald.domain.account.Account;
import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.content.BotPost;
import dev.herald.domain.content.BotPosts;
import dev.herald.domain.content.ContentPreview;
import dev.herald.domain.engine.WakeSignal;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.media.MediaStore;
import dev.herald.domain.media.Medium;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.schedule.DailyCap;
import dev.herald.domain.schedule.Schedule;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.shared.InvalidInputException;
import dev.herald.domain.shared.NotFoundException;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.telegram.TextFormatException;
import dev.herald.domain.telegram.TextFormatter;
import dev.herald.domain.userbot.UserBotStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's view of their bot: reading and changing its configuration, reading its state. The
 * transaction rules are on each method, not on the class: {@link #state} has none, so the read a
 * dashboard polls goes through no interceptor at all.
 */
@ApplicationScoped
public class BotService {

  @Inject BotRepository bots;
  @Inject AccountRepository accounts;
  @Inject BotStateReads stateReads;
  @Inject TelegramGateway gateway;
  @Inject TextFormatter formatter;
  @Inject Clock clock;
  @Inject WakeSignal wake;
  @Inject MediaStore media;

  /** The stored configuration, else the empty one: a read never creates the bot's row. */
  @Transactional
  public BotConfig config(long accountId) {
    return bots.findByAccountId(accountId).orElseGet(() -> emptyBot(accountId)).config();
  }

  /**
   * Validates the configuration against the account's plan without storing it: the console checks a
   * draft as it is typed, with the same messages a save would answer.
   */
  @Transactional(TxType.SUPPORTS)
  public BotConfig checkConfig(long accountId, BotConfigInput input) {
    return BotConfigPolicy.validate(
        input, account(accountId).plan().limits(), formatter, ownedMedia(accountId, input));
  }

  /**
   * The first {@code count} sends of the stored configuration, or of {@code draft} when one is
   * given (checked as a save would check it), rendered exactly as the engine renders them.
   */
  @Transactional(TxType.SUPPORTS)
  public List<ContentPreview.Sample> preview(long accountId, BotConfigInput draft, int count) {
    if (count < 1 || count > ContentPreview.MAX_SAMPLES) {
      throw InvalidInputException.of(
          "count", "Ask for 1 to " + ContentPreview.MAX_SAMPLES + " samples.");
    }
    BotConfig config = draft == null ? config(accountId) : checkConfig(accountId, draft);
    if (!config.firstPost().complete()) {
      throw InvalidInputException.of("posts", "There is nothing to preview yet: write a post.");
    }
    List<BotPost> complete = config.posts().stream().filter(BotPost::complete).toList();
    try {
      return ContentPreview.samples(
          new BotPosts(complete, config.rotation(), config.content().sessionsDropButtons()),
          accountId,
          config.targetGroups().size(),
          count,
          formatter);
    } catch (TextFormatException beyondTheChecked) {
      // A rendering past those checked on save (see BotPostPolicy.CHECKED_RENDERINGS).
      throw InvalidInputException.of("posts", beyondTheChecked.getMessage());
    }
  }

  /**
   * Validates the configuration against the account's plan and stores it whole, or not at all. It
   * applies at once: a cycle running now is continued under it from its next post ({@link
   * BotRepository#outdateRunningCycle}: a group removed is posted to no more, new text goes to the
   * groups left), and with a new schedule a bot waiting for its next window or day is planned again
   * ({@link BotRepository#replanDeferred}).
   */
  @Transactional
  public BotConfig updateConfig(long accountId, BotConfigInput input) {
    PlanLimits limits = account(accountId).plan().limits();
    BotConfig config =
        BotConfigPolicy.validate(input, limits, formatter, ownedMedia(accountId, input));
    Bot bot = botOf(accountId);
    boolean changed = !bot.config().equals(config);
    boolean newSchedule = !bot.config().schedule().equals(config.schedule());
    bot.applyConfig(config, clock.instant());
    BotConfig saved = bots.save(bot).config();
    if (changed) {
      bots.outdateRunningCycle(accountId);
    }
    if (newSchedule && bots.replanDeferred(accountId)) {
      wake.afterCommit(accountId);
    }
    return saved;
  }

  /** Those of the media the input names that the account owns, as the policy needs them. */
  private List<MediaRef> ownedMedia(long accountId, BotConfigInput input) {
    List<Long> ids = input.allMediaIds();
    if (ids.isEmpty()) {
      return List.of();
    }
    return media.findAll(accountId, ids).stream().map(Medium::ref).toList();
  }

  /**
   * Reads only, outside a JTA transaction (the statement autocommits): this is what dashboards
   * poll, and a transaction per poll was a quarter of its cost. Its rows come in one statement
   * ({@link BotStateReads}; it replaced five reads per poll). A tenant without a bot row yet sees
   * the state of an empty bot; the row is created when they first configure or start it.
   *
   * <p>Deliberately without {@code @Transactional}: called inside a transaction (start, stop, the
   * dashboard snapshot) it joins it, as {@code SUPPORTS} would, and called outside one it needs no
   * interceptor; {@code SUPPORTS} still cost a local transaction containment and the interceptor
   * chain per poll (bench/api.sh).
   */
  public BotState state(long accountId) {
    BotStateRows rows =
        stateReads.read(accountId).orElseThrow(() -> new NotFoundException("No such account."));
    BotStateRows.BotRow bot = rows.bot().orElseGet(() -> BotStateRows.BotRow.empty(rows.limits()));
    Instant now = clock.instant();
    List<SenderLabel> senders = senders(rows, now);
    boolean running = bot.status() == BotStatus.RUNNING;
    BotConfig config = bot.config();
    PlanLimits limits = rows.limits();
    PauseReason pause = running ? pauseReason(bot, limits, now) : null;
    boolean configIncomplete = !config.missingForStart().isEmpty();
    boolean noSenderNow = senders.stream().noneMatch(SenderLabel::available);
    boolean idle = running && (configIncomplete || noSenderNow || pause != null);
    Instant resumesAt =
        pause != null
            ? resumesAt(config.schedule(), pause, now)
            : idle && !configIncomplete
                ? senders.stream()
                    .map(SenderLabel::availableAt)
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElse(null)
                : null;
    return new BotState(
        bot.status(),
        bot.stopReason(),
        idle,
        resumesAt,
        bot.lastErrorReason(),
        bot.nextRunAt(),
        senders,
        transportOf(senders),
        senders.isEmpty() ? anyDryRun() : senders.stream().anyMatch(SenderLabel::dryRun),
        pause,
        config.schedule().activeHours().windowAt(now, config.schedule().zone()).orElse(null),
        PlanCuts.of(config, limits));
  }

  /** The daily cap first (it outlasts a window), then the active hours. */
  private static PauseReason pauseReason(BotStateRows.BotRow bot, PlanLimits limits, Instant now) {
    Schedule schedule = bot.config().schedule();
    if (bot.postsOn(DailyCap.day(now, schedule.zone())) >= limits.maxPostsPerDay()) {
      return PauseReason.DAILY_CAP;
    }
    return schedule.mayPostAt(now) ? null : PauseReason.OUTSIDE_ACTIVE_HOURS;
  }

  private static Instant resumesAt(Schedule schedule, PauseReason pause, Instant now) {
    Instant from =
        pause == PauseReason.DAILY_CAP ? DailyCap.nextDayStart(now, schedule.zone()) : now;
    return schedule.nextAllowed(from);
  }

  /** Why a session the account holds sends nothing now (rule 14: a parked session is no ban). */
  private static String unavailableNote(BotStateRows.SessionRow session) {
    if (session.state() == SessionState.UNAVAILABLE) {
      return "unavailable for now"
          + (session.stateReason() == null ? "" : ": " + session.stateReason())
          + "; it comes back by itself";
    }
    return "cooling down after a flood wait";
  }

  /**
   * The tenant's own bot when it was verified (usable only when verified on the transport user bots
   * post through now), then the assigned sessions still in use (cooling down until their flood wait
   * ends).
   */
  private List<SenderLabel> senders(BotStateRows rows, Instant now) {
    List<SenderLabel> senders = new ArrayList<>();
    String botTransport = gateway.transport(Sender.Kind.USER_BOT);
    boolean botDryRun = gateway.dryRun(Sender.Kind.USER_BOT);
    rows.userBot()
        .filter(BotStateRows.UserBotRow::verified)
        .filter(own -> own.status() == UserBotStatus.ACTIVE)
        .ifPresent(
            own ->
                senders.add(
                    new SenderLabel(
                        "user-bot @"
                            + (own.username() == null ? own.tokenMasked() : own.username()),
                        Sender.Kind.USER_BOT,
                        botTransport,
                        botDryRun,
                        own.usableOn(botTransport),
                        null,
                        own.usableOn(botTransport) ? null : reverifyNote(own, botTransport))));
    String sessionTransport = gateway.transport(Sender.Kind.SESSION);
    boolean sessionDryRun = gateway.dryRun(Sender.Kind.SESSION);
    rows.sessions().stream()
        .filter(s -> s.state().inUse())
        .map(
            s -> {
              boolean available = s.usableAt(now);
              return new SenderLabel(
                  "session#" + s.id() + " " + s.phoneMasked(),
                  Sender.Kind.SESSION,
                  sessionTransport,
                  sessionDryRun,
                  available,
                  available ? null : s.floodWaitUntil(),
                  available ? null : unavailableNote(s));
            })
        .forEach(senders::add);
    return senders;
  }

  private static String reverifyNote(BotStateRows.UserBotRow own, String transport) {
    return "verified on "
        + (own.verifiedTransport() == null
            ? "a transport Herald did not record"
            : own.verifiedTransport())
        + ", but user bots now post through "
        + transport
        + ": verify it again (POST /user-bot/verify)";
  }

  /** One name when every sender uses the same transport, else {@code mixed}. */
  private String transportOf(List<SenderLabel> senders) {
    List<String> names = senders.stream().map(SenderLabel::transport).distinct().toList();
    if (names.isEmpty()) {
      return gateway.transport(Sender.Kind.SESSION);
    }
    return names.size() == 1 ? names.get(0) : "mixed";
  }

  /** Without senders, whether anything this bot could send with would be a dry run. */
  private boolean anyDryRun() {
    return gateway.dryRun(Sender.Kind.SESSION) || gateway.dryRun(Sender.Kind.USER_BOT);
  }

  /** The account's bot, created with an empty configuration on first use. */
  @Transactional
  Bot botOf(long accountId) {
    return bots.findByAccountId(accountId).orElseGet(() -> bots.save(emptyBot(accountId)));
  }

  private Bot emptyBot(long accountId) {
    return new Bot(accountId, emptyConfig(account(accountId).plan().limits()), clock.instant());
  }

  /** The configuration of a bot created now: nothing to post, the plan's minimum delays. */
  static BotConfig emptyConfig(PlanLimits limits) {
    return BotConfig.empty(
        limits.minDelayBetweenPostsSeconds(), limits.minDelayBetweenCyclesSeconds());
  }

  private Account account(long accountId) {
    return accounts
        .findById(accountId)
        .orElseThrow(() -> new NotFoundException("No such account."));
  }
}
