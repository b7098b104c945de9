package dev.herald.api.admin;

import dev.herald.api.userbot.UserBotView;
import dev.herald.domain.bot.AdminBotService;
import java.time.Instant;

/** A tenant's posting bot and user bot, as admins see them (the user bot's token masked). */
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
    var b = e.bot();
    return new AdminBotView(
        b.accountId(),
        b.status().name(),
        b.stopReason().map(Enum::name).orElse(null),
        b.lastErrorReason().orElse(null),
        b.nextRunAt().orElse(null),
        b.updatedAt(),
        e.userBot().map(u -> UserBotView.of(u, userBotTransport)).orElse(null));
  }
}
