package dev.herald.telegram.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Telegram's limits as figures. {@link #telegram()} holds the published or widely observed values:
 * about one message per second in one chat with short bursts allowed, 20 messages per minute to one
 * group for bots, 30 messages per second per account (the Bot API's broadcast limit, used for every
 * account), about 200 username resolutions per account and day, and a spam limit ({@code
 * PEER_FLOOD}, for a day) once one text went to more than 20 chats the account joined within the
 * last day.
 */
public record TelegramLimits(
    Rate perChat,
    Rate botPerGroup,
    Rate perAccount,
    Rate usernameResolutions,
    int spamChats,
    Duration newInChat,
    Duration spamPenalty) {

  public TelegramLimits {
    Objects.requireNonNull(perChat, "perChat");
    Objects.requireNonNull(botPerGroup, "botPerGroup");
    Objects.requireNonNull(perAccount, "perAccount");
    Objects.requireNonNull(usernameResolutions, "usernameResolutions");
    Objects.requireNonNull(newInChat, "newInChat");
    Objects.requireNonNull(spamPenalty, "spamPenalty");
    if (spamChats < 1) {
      throw new IllegalArgumentException("spamChats must be >= 1");
    }
  }

  public static TelegramLimits telegram() {
    return new TelegramLimits(
        Rate.of(1, Duration.ofSeconds(1)).withBurst(3),
        Rate.of(20, Duration.ofMinutes(1)),
        Rate.of(30, Duration.ofSeconds(1)),
        Rate.of(200, Duration.ofDays(1)),
        20,
        Duration.ofDays(1),
        Duration.ofDays(1));
  }

  /** No rate, budget or spam limit: only permissions, bans and slow mode apply. */
  public static TelegramLimits unlimited() {
    return new TelegramLimits(
        Rate.unlimited(),
        Rate.unlimited(),
        Rate.unlimited(),
        Rate.unlimited(),
        Integer.MAX_VALUE,
        Duration.ofDays(1),
        Duration.ofDays(1));
  }
}
