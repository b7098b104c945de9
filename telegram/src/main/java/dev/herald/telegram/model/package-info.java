/**
 * A model of Telegram's own rules (chats, members, write permissions, slow mode, flood and spam
 * limits, username resolution, bans) that the sandbox transport runs on, kept apart from Herald's
 * rules. Every operation answers as Telegram does, with Telegram's error texts.
 */
package dev.herald.telegram.model;
