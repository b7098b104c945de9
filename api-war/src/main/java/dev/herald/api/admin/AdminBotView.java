package dev.herald.api.admin;

import dev.herald.api.userbot.UserBotView;
import dev.herald.domain.bot.AdminBotService;
import dev.herald.domain.bot.Bot;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's posting bot and user bot, as admins see them (the user bot's token masked). The
 * posting bot's fields are null for a tenant who registered its own bot before saving any bot
 * configuration.
 */
public record AdminBotView(
    long accountId,
    String status,
    String stopReason,
    String lastErrorReason,
    Instant nextRunAt,
    Instant updatedAt,
    UserBotView userBot) {

  /** {@code userBotTransport}: what user bots post through now (see {@link UserBotView}). */
  static AdminBotView of(AdminBotService.Entry e, String userBotTransport) {
    Optional<Bot> b = e.bot();
    return new AdminBotView(
        e.accountId(),
        b.map(bot -> bot.status().name()).orElse(null),
        b.flatMap(Bot::stopReason).map(Enum::name).orElse(null),
        b.flatMap(Bot::lastErrorReason).orElse(null),
        b.flatMap(Bot::nextRunAt).orElse(null),
        b.map(Bot::updatedAt).orElse(null),
        e.userBot().map(u -> UserBotView.of(u, userBotTransport)).orElse(null));
  }
}
