/**
 * The telegram module's configuration: {@link dev.herald.telegram.config.TelegramSettings} (TDLib's
 * own settings are still {@code TdlibSettings}).
 */
package dev.herald.telegram.config;
