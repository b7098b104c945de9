package dev.herald.api.userbot;

import dev.herald.domain.userbot.UserBot;
import java.time.Instant;

/** A user bot on the wire. The token appears only masked ({@code 123456:***}), never in full. */
public record UserBotView(
    String tokenMasked,
    Long botId,
    String username,
    boolean verified,
    String status,
    String suspensionReason,
    int rateLimitRps,
    int maxConcurrentRequests,
    long totalRequests,
    Instant createdAt,
    Instant updatedAt,
    Instant verifiedAt,
    Instant lastUsedAt) {

  public static UserBotView of(UserBot b) {
    return new UserBotView(
        b.tokenMasked(),
        b.botId().orElse(null),
        b.username().orElse(null),
        b.verified(),
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
