package dev.herald.api.sandbox;

import jakarta.validation.constraints.NotBlank;

/**
 * A change to a chat of the sandbox's model: {@code account} ({@code user#12}, {@code bot#5}) gets
 * {@code membership} ({@code MEMBER}, {@code ADMINISTRATOR}, {@code BANNED}, {@code LEFT}), or with
 * {@code APPROVED} its join request is approved.
 */
public record SandboxMemberBody(
    @NotBlank(message = "Name the chat: @username, an id or an invite link.") String chat,
    @NotBlank(message = "Name the account: user#<session id> or bot#<account id>.") String account,
    @NotBlank(message = "Give a membership: MEMBER, ADMINISTRATOR, BANNED, LEFT or APPROVED.") String membership) {}
