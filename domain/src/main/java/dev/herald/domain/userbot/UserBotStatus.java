package dev.herald.domain.userbot;

/** PENDING until verified, ACTIVE once verified, SUSPENDED by an admin (with a reason). */
public enum UserBotStatus {
  PENDING,
  ACTIVE,
  SUSPENDED
}
