package dev.herald.telegram.model;

import java.util.Map;

/**
 * What the world counted since it started, for benchmarks and admins (its clock's {@link
 * TelegramLimits#timeScale}, then): sends tried and delivered, refused sends by Telegram's reason
 * ({@code FLOOD_WAIT}, {@code SLOWMODE_WAIT}, {@code PEER_FLOOD}, {@code CHAT_WRITE_FORBIDDEN},
 * ...: the error text without its number), accounts the spam rule limited and accounts no longer
 * let in, the most joins one account made within one hour of the world's clock, and the joins
 * refused with a flood wait (the account's join budget spent).
 */
public record WorldFigures(
    double timeScale,
    long attempts,
    long delivered,
    Map<String, Long> refusedByReason,
    long spamLimitedAccounts,
    long bannedAccounts,
    long joins,
    int maxJoinsPerAccountPerHour,
    long joinFloodWaits) {

  public WorldFigures {
    refusedByReason = Map.copyOf(refusedByReason);
  }
}
