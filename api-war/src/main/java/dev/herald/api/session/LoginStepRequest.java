package dev.herald.api.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The login code Telegram sent, or the account's 2FA password. */
public record LoginStepRequest(
    @NotBlank(message = "Give the code or password.") @Size(max = 256, message = "At most 256 characters.") String value) {}
