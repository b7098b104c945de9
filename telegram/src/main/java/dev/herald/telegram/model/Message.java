package dev.herald.telegram.model;

import java.time.Instant;

/** A message Telegram accepted: its id in its chat and when it was sent. */
public record Message(long chatId, long id, Instant date) {}
