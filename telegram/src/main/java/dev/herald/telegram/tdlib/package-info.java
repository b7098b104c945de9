/**
 * The TDLib transport: TDLib's JSON interface ({@code libtdjson}) bound with JNA, one receive loop
 * for the process, one client per pooled session with its own encrypted database, the phone login
 * flow, and sends whose outcome is TDLib's final {@code updateMessageSendSucceeded/Failed}.
 */
package dev.herald.telegram.tdlib;
