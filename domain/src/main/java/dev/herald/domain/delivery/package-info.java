/**
 * What a tenant can read of their posts: every attempt the engine recorded (chat, sender, outcome,
 * Telegram's message id or the error), newest first.
 */
package dev.herald.domain.delivery;
