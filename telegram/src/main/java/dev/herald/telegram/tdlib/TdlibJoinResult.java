package dev.herald.telegram.tdlib;

import jakarta.json.JsonObject;

/**
 * What TDLib answers to {@code joinChat} and {@code joinChatByInviteLink}. Since TDLib 1.8.66 both
 * return a {@code ChatJoinResult} ({@code td_api.tl}): {@code chatJoinResultSuccess chat_id},
 * {@code chatJoinResultRequestSent} (the group needs an admin's approval), {@code
 * chatJoinResultGuardBotApprovalRequired} (a guard bot must approve; Herald cannot, so it waits
 * like a request) or {@code chatJoinResultDeclined}. Before, {@code joinChatByInviteLink} answered
 * the {@code chat} and {@code joinChat} {@code ok}, and a request for approval was the error {@code
 * INVITE_REQUEST_SENT}; those answers are still read, for other TDLib builds.
 *
 * @param chatId the joined chat's id; 0 when not joined, or when TDLib did not say ({@code ok})
 */
record TdlibJoinResult(Kind kind, long chatId) {

  enum Kind {
    JOINED,
    REQUEST_SENT,
    DECLINED
  }

  static TdlibJoinResult of(JsonObject answer) {
    return switch (TdlibJson.type(answer)) {
      case "chatJoinResultSuccess" ->
          new TdlibJoinResult(Kind.JOINED, TdlibJson.number(answer, "chat_id", 0));
      case "chat" -> new TdlibJoinResult(Kind.JOINED, TdlibJson.number(answer, "id", 0));
      case "ok" -> new TdlibJoinResult(Kind.JOINED, 0);
      case "chatJoinResultRequestSent", "chatJoinResultGuardBotApprovalRequired" ->
          new TdlibJoinResult(Kind.REQUEST_SENT, 0);
      case "chatJoinResultDeclined" -> new TdlibJoinResult(Kind.DECLINED, 0);
      default ->
          throw new TdlibException(400, "Unexpected answer to a join: " + TdlibJson.type(answer));
    };
  }
}
