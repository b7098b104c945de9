package dev.herald.api.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Email and password, as sent to {@code POST /auth/login}. */
public record LoginRequest(
    @NotBlank(message = "Give the email of your account.") @Size(max = 320, message = "An email is at most 320 characters.") String email,
    @NotBlank(message = "Give your password.") @Size(max = 1024, message = "A password is at most 1024 characters.") String password) {}
