/**
 * Picks the transport per sender from configuration (sessions: sandbox or tdlib; user bots: sandbox
 * or botapi) and is the one {@code TelegramGateway} and {@code UserBotVerifier} the rest of Herald
 * injects.
 */
package dev.herald.telegram.transport;
