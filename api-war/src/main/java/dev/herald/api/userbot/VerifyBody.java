package dev.herald.api.userbot;

/** Optional: a chat to send the test message to ({@code @username}, link or chat id). */
public record VerifyBody(String testChat) {}
