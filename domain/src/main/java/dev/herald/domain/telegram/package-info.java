/**
 * The Telegram gateway port: what Herald asks of any transport (TDLib, Bot API, sandbox) and the
 * outcomes it can get back. Chat references and message links are parsed and normalised here.
 */
package dev.herald.domain.telegram;
