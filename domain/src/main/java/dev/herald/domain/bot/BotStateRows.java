package dev.herald.domain.bot;

import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.TelegramSession;
import dev.herald.domain.userbot.UserBot;
import dev.herald.domain.userbot.UserBotStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What {@link BotStateReads} returns: the columns of the account's plan limits and of its bot, user
 * bot and session rows that the state needs, without loading the entities. The row rules delegate
 * to the entities' own ({@link Bot#configOf}, {@link Bot#postsOn(LocalDate, int, LocalDate)},
 * {@link UserBot#usableOn(boolean, String, UserBotStatus, String)}, {@link
 * TelegramSession#usable}), so each is written once.
 *
 * @param limits the account's plan limits as stored (the plan's status does not matter here)
 * @param bot the bot row, empty before the tenant first configures or starts it
 */
public record BotStateRows(
    PlanLimits limits,
    Optional<BotRow> bot,
    Optional<UserBotRow> userBot,
    List<SessionRow> sessions) {

  public BotStateRows {
    sessions = List.copyOf(sessions);
  }

  /**
   * The bot row: its status, the configuration that decides whether and when it can post, and the
   * posts counted against the daily cap on {@code postsDay}.
   */
  public record BotRow(
      BotStatus status,
      StopReason stopReason,
      String lastErrorReason,
      Instant nextRunAt,
      BotConfig config,
      LocalDate postsDay,
      int postsToday) {

    /**
     * The row a bot would get if it were created now ({@code BotService}'s empty bot): stopped,
     * nothing configured, the plan's minimum delays.
     */
    public static BotRow empty(PlanLimits limits) {
      return new BotRow(
          BotStatus.STOPPED, null, null, null, BotService.emptyConfig(limits), null, 0);
    }

    /** {@link Bot#postsOn}: the posts counted against the daily cap on {@code today}. */
    public int postsOn(LocalDate today) {
      return Bot.postsOn(postsDay, postsToday, today);
    }
  }

  /** The tenant's own bot. */
  public record UserBotRow(
      String username,
      String tokenMasked,
      boolean verified,
      UserBotStatus status,
      String verifiedTransport) {

    public boolean usableOn(String transport) {
      return UserBot.usableOn(verified, verifiedTransport, status, transport);
    }
  }

  /** A session assigned to the account, in any state. */
  public record SessionRow(
      long id, String phoneMasked, SessionState state, String stateReason, Instant floodWaitUntil) {

    /** {@link TelegramSession#usableAt}: the session alone, without its warm-up pause. */
    public boolean usableAt(Instant now) {
      return TelegramSession.usable(state, floodWaitUntil, null, now);
    }
  }
}
