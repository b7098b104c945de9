package dev.herald.telegram.model;

/**
 * One medium of a sent message as the model records it: its kind ({@code photo}, {@code video},
 * {@code document}, {@code animation}) and Herald's id of the stored medium, so that a test can
 * tell which media reached a chat and how an album was grouped.
 */
public record SentMedium(String kind, long mediumId) {}
