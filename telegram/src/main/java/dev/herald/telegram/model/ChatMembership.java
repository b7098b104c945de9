package dev.herald.telegram.model;

/**
 * One account's place in one chat as Telegram sees it: its membership, and whether its join request
 * waits for an admin (then the membership is {@link Membership#LEFT}).
 */
public record ChatMembership(
    Account account, Chat chat, Membership membership, boolean requested) {}
