package dev.herald.telegram.model;

/**
 * Whether Telegram still lets an account in: banned by Telegram ({@code USER_DEACTIVATED_BAN}), its
 * session revoked from another device ({@code SESSION_REVOKED}), or its authorization key gone
 * ({@code AUTH_KEY_UNREGISTERED}, e.g. after a log-out or the account's deletion).
 */
public enum AccountStanding {
  ACTIVE,
  BANNED,
  REVOKED,
  LOGGED_OUT
}
