package dev.herald.api.admin;

/** Why a bot is suspended (shown to its tenant). */
public record SuspendBody(String reason) {}
