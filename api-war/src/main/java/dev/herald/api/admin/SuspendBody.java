package dev.herald.api.admin;

import jakarta.validation.constraints.Size;

/** Why a bot is suspended (shown to its tenant). */
public record SuspendBody(
    @Size(max = 500, message = "A reason is at most 500 characters.") String reason) {}
