package dev.herald.telegram.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Telegram's limits as figures. {@link #telegram()} holds the published or widely observed values:
 * about one message per second in one chat with short bursts allowed, 20 messages per minute to one
 * group for bots, 30 messages per second per account (the Bot API's broadcast limit, used for every
 * account), about 200 username resolutions per account and day, about 20 joins per account and hour
 * (a join beyond them answers a flood wait), and a spam limit ({@code PEER_FLOOD}, for a day) once
 * one text went to more than 20 chats the account joined within the last day.
 */
public record TelegramLimits(
    Rate perChat,
    Rate botPerGroup,
    Rate perAccount,
    Rate usernameResolutions,
    Rate joins,
    int spamChats,
    Duration newInChat,
    Duration spamPenalty,
    double timeScale) {

  public TelegramLimits {
    Objects.requireNonNull(perChat, "perChat");
    Objects.requireNonNull(botPerGroup, "botPerGroup");
    Objects.requireNonNull(perAccount, "perAccount");
    Objects.requireNonNull(usernameResolutions, "usernameResolutions");
    Objects.requireNonNull(joins, "joins");
    Objects.requireNonNull(newInChat, "newInChat");
    Objects.requireNonNull(spamPenalty, "spamPenalty");
    if (spamChats < 1) {
      throw new IllegalArgumentException("spamChats must be >= 1");
    }
    if (!(timeScale >= 1) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("timeScale must be a number >= 1");
    }
  }

  /**
   * The same limits on a clock that runs {@code factor} times faster, for a simulated day (a
   * benchmark runs 24 h of Herald's plan in 24 h / {@code factor} with its delays divided by the
   * same factor): every period, penalty and slow mode delay is divided by {@code factor}; counts
   * (messages, burst, chats) stay. Sandbox only.
   */
  public TelegramLimits scaled(double factor) {
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("A time scale is a number >= 1, not " + factor);
    }
    return new TelegramLimits(
        perChat.scaled(factor),
        botPerGroup.scaled(factor),
        perAccount.scaled(factor),
        usernameResolutions.scaled(factor),
        joins.scaled(factor),
        spamChats,
        scale(newInChat, factor),
        scale(spamPenalty, factor),
        timeScale * factor);
  }

  /** A real-time duration of Telegram (a slow mode delay, a penalty) on this clock. */
  public Duration onThisClock(Duration real) {
    return timeScale == 1 ? real : scale(real, timeScale);
  }

  static Duration scale(Duration real, double factor) {
    return Duration.ofNanos(Math.max(1, Math.round(real.toNanos() / factor)));
  }

  public static TelegramLimits telegram() {
    return new TelegramLimits(
        Rate.of(1, Duration.ofSeconds(1)).withBurst(3),
        Rate.of(20, Duration.ofMinutes(1)),
        Rate.of(30, Duration.ofSeconds(1)),
        Rate.of(200, Duration.ofDays(1)),
        Rate.of(20, Duration.ofHours(1)),
        20,
        Duration.ofDays(1),
        Duration.ofDays(1),
        1);
  }

  /** No rate, budget or spam limit: only permissions, bans and slow mode apply. */
  public static TelegramLimits unlimited() {
    return new TelegramLimits(
        Rate.unlimited(),
        Rate.unlimited(),
        Rate.unlimited(),
        Rate.unlimited(),
        Rate.unlimited(),
        Integer.MAX_VALUE,
        Duration.ofDays(1),
        Duration.ofDays(1),
        1);
  }
}
