package dev.herald.api.userbot;

import dev.herald.domain.userbot.UserBot;
import java.time.Instant;

/**
 * A user bot on the wire. The token appears only masked ({@code 123456:***}), never in full. {@code
 * verified} is true only for a verification made on the transport user bots post through now
 * ({@code verified_transport}): after the transport changes, the bot must be verified again.
 */
public record UserBotView(
    String tokenMasked,
    Long botId,
    String username,
    boolean verified,
    String verifiedTransport,
    String status,
    String suspensionReason,
    int rateLimitRps,
    int maxConcurrentRequests,
    long totalRequests,
    Instant createdAt,
    Instant updatedAt,
    Instant verifiedAt,
    Instant lastUsedAt) {

  /** The bot as seen while user bots post through {@code transport}. */
  public static UserBotView of(UserBot b, String transport) {
    return new UserBotView(
        b.tokenMasked(),
        b.botId().orElse(null),
        b.username().orElse(null),
        b.verifiedOn(transport),
        b.verifiedTransport().orElse(null),
        b.status().name(),
        b.suspensionReason().orElse(null),
        b.rateLimitRps(),
        b.maxConcurrentRequests(),
        b.totalRequests(),
        b.createdAt(),
        b.updatedAt(),
        b.verifiedAt().orElse(null),
        b.lastUsedAt().orElse(null));
  }
}
