package dev.herald.telegram.model;

/**
 * {@code getChatMember}: an account's membership in a chat and whether it may post there now
 * (ignoring rate limits), e.g. to check that a bot was added and, in a channel, made an admin.
 */
public record ChatMember(long chatId, Account account, Membership membership, boolean canPost) {}
