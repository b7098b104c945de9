package dev.herald.telegram.model;

/**
 * {@code checkChatInviteLink}: the chat an invite link leads to. {@code chatId} is 0 unless the
 * asking account is already a member (as in TDLib, where it is set only for accessible chats);
 * {@code createsJoinRequest} says joining only asks an admin.
 */
public record InviteLinkInfo(
    long chatId, String title, ChatKind kind, int memberCount, boolean createsJoinRequest) {}
