package dev.herald.domain.shared;

/** One bad input field: its name as the client sent it, and what to do about it. */
public record FieldError(String field, String message) {}
