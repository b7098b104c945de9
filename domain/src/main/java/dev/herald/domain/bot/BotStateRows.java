package dev.herald.domain.bot;

import dev.herald.domain.session.SessionState;
import dev.herald.domain.session.TelegramSession;
import dev.herald.domain.userbot.UserBot;
import dev.herald.domain.userbot.UserBotStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link BotStateReads} returns: the columns of the bot, user bot and session rows that the
 * state needs, without loading the entities. The row rules delegate to the entities' own ({@link
 * Bot#configOf}, {@link UserBot#usableOn(boolean, String, UserBotStatus, String)}, {@link
 * TelegramSession#usable}), so each is written once.
 */
public record BotStateRows(
    Optional<BotRow> bot, Optional<UserBotRow> userBot, List<SessionRow> sessions) {

  public BotStateRows {
    sessions = List.copyOf(sessions);
  }

  /** The bot row: its status and the configuration that decides whether it can post. */
  public record BotRow(
      BotStatus status,
      StopReason stopReason,
      String lastErrorReason,
      Instant nextRunAt,
      BotConfig config) {}

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
