package dev.herald.api.userbot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bot token from @BotFather, as sent to {@code POST} and {@code PATCH /user-bot}. */
public record UserBotBody(
    @NotBlank(message = "Give the bot token from @BotFather.") @Size(max = 200, message = "A bot token is at most 200 characters.") String token) {}
