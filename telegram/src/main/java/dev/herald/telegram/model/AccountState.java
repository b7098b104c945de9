package dev.herald.telegram.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One account's side of the world: whether Telegram still lets it in, the chat ids it can see
 * (resolved, joined or told), its message, username-resolution and join budgets, and its spam
 * record.
 */
final class AccountState {

  AccountStanding standing = AccountStanding.ACTIVE;
  final Set<Long> visible = new HashSet<>();

  /** Null for an unlimited rate. */
  final TokenBucket messages;

  /** Null for an unlimited rate. */
  final TokenBucket resolutions;

  /** Null for an unlimited rate. */
  final TokenBucket joins;

  final SpamRule spam = new SpamRule();

  AccountState(TelegramLimits limits, Instant now) {
    this.messages = bucket(limits.perAccount(), now);
    this.resolutions = bucket(limits.usernameResolutions(), now);
    this.joins = bucket(limits.joins(), now);
  }

  private static TokenBucket bucket(Rate rate, Instant now) {
    return rate.isUnlimited() ? null : new TokenBucket(rate, now);
  }
}
