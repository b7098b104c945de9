package dev.herald.api.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An access code, as sent to {@code POST /auth/access-code}. */
public record AccessCodeRequest(
    @NotBlank(message = "Give the access code.") @Size(max = 100, message = "An access code is at most 100 characters.") String code) {}
