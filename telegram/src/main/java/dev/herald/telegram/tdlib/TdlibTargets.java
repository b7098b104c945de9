package dev.herald.telegram.tdlib;

import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.telegram.async.AsyncFailures;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Prepares a chat for a session with TDLib's own requests, before its first post: resolve ({@code
 * getChat} of a stored id, else {@code searchPublicChat}: a username is resolved once), read the
 * session's standing ({@code getSupergroup}'s {@code status}) and slow mode ({@code
 * getSupergroupFullInfo}'s {@code slow_mode_delay}), then join a public group ({@code joinChat}) or
 * an invite link ({@code checkChatInviteLink} + {@code joinChatByInviteLink}; both joins answer a
 * {@link TdlibJoinResult}: joined, a request sent for approval, or declined) when pacing allows. A
 * target naming a forum topic needs a forum ({@code getSupergroup}'s {@code is_forum}) before
 * anything is joined: elsewhere TDLib would send its posts as replies to the message of that id.
 * Every TDLib error becomes a preparation, never an exception.
 */
final class TdlibTargets {

  private static final String REQUEST_SENT = "INVITE_REQUEST_SENT";

  private final TdlibSessionClient client;

  TdlibTargets(TdlibSessionClient client) {
    this.client = client;
  }

  /**
   * Fails, instead of answering, when TDLib's answer says nothing about the chat: the client is not
   * logged in (a cold client is waited for first, as a send waits), a request timed out (TDLib may
   * be sitting out a flood wait), or an error not about the chat. The engine then sends as written
   * and records nothing, so the send says what is wrong and the chat is prepared again next time,
   * instead of a guess stored as joined for good.
   */
  CompletableFuture<Preparation> prepare(
      ChatReference chat, long knownId, boolean mayJoin, boolean joinRequested) {
    return client
        .started()
        .thenCompose(
            state -> {
              if (!AuthorizationStates.READY.equals(TdlibJson.type(state))) {
                throw new CompletionException(
                    new IllegalStateException(
                        "Session "
                            + client.sessionId()
                            + " is not logged in ("
                            + TdlibJson.type(state)
                            + ")"));
              }
              CompletableFuture<Preparation> prepared =
                  chat.kind() == ChatReference.Kind.INVITE
                      ? byInvite(chat, mayJoin, joinRequested)
                      : locate(chat, knownId)
                          .thenCompose(found -> standing(chat, found, mayJoin, joinRequested));
              return prepared.exceptionally(failure -> refused(chat, failure));
            });
  }

  /**
   * The chat by its stored id, else as written. A user account's TDLib knows a chat by id only once
   * it has seen it: a client opened on another node from the stored state (its binlog, not its chat
   * database) knows a stored id once its chat list is loaded ({@link TdlibChats#chat}), which finds
   * the chats the session is in; a username the session is not in yet is then resolved again
   * instead of the target staying CHAT_NOT_FOUND.
   */
  private CompletableFuture<JsonObject> locate(ChatReference chat, long knownId) {
    if (knownId != 0) {
      CompletableFuture<JsonObject> known = client.chats().chat(knownId);
      return chat.kind() != ChatReference.Kind.USERNAME
          ? known
          : known.exceptionallyCompose(
              failure ->
                  TdlibChats.chatNotFound(failure)
                      ? byUsername(chat)
                      : CompletableFuture.failedFuture(failure));
    }
    if (chat.kind() == ChatReference.Kind.USERNAME) {
      return byUsername(chat);
    }
    return client.chats().chat(chat.chatId());
  }

  private CompletableFuture<JsonObject> byUsername(ChatReference chat) {
    return request(TdlibJson.object("searchPublicChat").add("username", chat.username()).build());
  }

  private CompletableFuture<Preparation> byInvite(
      ChatReference chat, boolean mayJoin, boolean joinRequested) {
    String link = chat.canonical();
    return request(TdlibJson.object("checkChatInviteLink").add("invite_link", link).build())
        .thenCompose(
            info -> {
              long chatId = TdlibJson.number(info, "chat_id", 0);
              String title = info.getString("title", null);
              if (chatId != 0) {
                // A chat the session can see: a member, or not yet (a public group, a preview the
                // link grants for accessible_for seconds, a group it left): joined by the link.
                return request(TdlibJson.object("getChat").add("chat_id", chatId).build())
                    .thenCompose(found -> standing(chat, found, mayJoin, joinRequested));
              }
              if ("inviteLinkChatTypeChannel"
                  .equals(TdlibJson.type(TdlibJson.child(info, "type")))) {
                // Only a channel's admins post: joining would spend a join and a channel slot.
                return done(writeForbidden(chat, 0, title));
              }
              if (joinRequested && info.getBoolean("creates_join_request", false)) {
                // Still waiting for an admin: joining again would only send another request.
                return done(
                    Preparation.blocked(
                        TargetMembership.JOIN_REQUESTED,
                        0,
                        title,
                        TargetErrors.joinRequested(link)));
              }
              if (!mayJoin) {
                return done(
                    Preparation.blocked(
                        TargetMembership.NOT_MEMBER, 0, title, TargetErrors.joinPaced()));
              }
              return request(
                      TdlibJson.object("joinChatByInviteLink").add("invite_link", link).build())
                  .thenCompose(answer -> joinedByLink(chat, title, answer))
                  .exceptionally(failure -> requested(chat, title, failure));
            });
  }

  /**
   * After {@code joinChatByInviteLink} ({@link TdlibJoinResult}): a member now, its standing read
   * from the chat; or a request waiting for approval; or declined.
   */
  private CompletableFuture<Preparation> joinedByLink(
      ChatReference chat, String title, JsonObject answer) {
    TdlibJoinResult result = TdlibJoinResult.of(answer);
    switch (result.kind()) {
      case REQUEST_SENT:
        return done(joinRequested(chat, title));
      case DECLINED:
        return done(joinDeclined(chat, 0, title));
      default:
        CompletableFuture<JsonObject> joined =
            "chat".equals(TdlibJson.type(answer))
                ? done(answer)
                : request(TdlibJson.object("getChat").add("chat_id", result.chatId()).build());
        return joined
            .thenCompose(found -> standing(chat, found, false, false))
            .thenApply(Preparation::joinedNow);
    }
  }

  /**
   * A basic group: addressed as it is while active (the send says the rest); one upgraded to a
   * supergroup takes no more messages (TDLib refuses them: "Have no write access to the chat"), so
   * the supergroup it became ({@code upgraded_to_supergroup_id}, through {@code
   * createSupergroupChat}) is prepared instead, and its id recorded for the sends.
   */
  private CompletableFuture<Preparation> basicGroup(
      ChatReference chat, long chatId, String title, long basicGroupId, boolean mayJoin) {
    return request(TdlibJson.object("getBasicGroup").add("basic_group_id", basicGroupId).build())
        .thenCompose(
            group -> {
              long upgradedTo = TdlibJson.number(group, "upgraded_to_supergroup_id", 0);
              if (upgradedTo == 0) {
                return done(Preparation.ready(chatId, title, 0, false));
              }
              return request(
                      TdlibJson.object("createSupergroupChat")
                          .add("supergroup_id", upgradedTo)
                          .add("force", false)
                          .build())
                  .thenCompose(
                      supergroup -> {
                        // The client's sends go there from now on, not only a client opened later.
                        client
                            .chats()
                            .remember(
                                chat.chat().canonical(), TdlibJson.number(supergroup, "id", 0));
                        return standing(chat, supergroup, mayJoin, false);
                      });
            });
  }

  /**
   * The session's standing in a chat it located. A supergroup it is not in is joined when allowed,
   * unless its join request still waits for an admin (joining again would send another request and
   * spend another join), or it is a channel (only admins post there).
   */
  private CompletableFuture<Preparation> standing(
      ChatReference chat, JsonObject found, boolean mayJoin, boolean joinRequested) {
    long chatId = TdlibJson.number(found, "id", 0);
    String title = found.getString("title", null);
    JsonObject type = TdlibJson.child(found, "type");
    boolean supergroupChat = type != null && "chatTypeSupergroup".equals(TdlibJson.type(type));
    if (chat.hasTopic() && !supergroupChat) {
      return done(Preparation.notAForum(chat, TargetMembership.NOT_MEMBER, chatId, title));
    }
    if (type != null && "chatTypeBasicGroup".equals(TdlibJson.type(type))) {
      return basicGroup(chat, chatId, title, TdlibJson.number(type, "basic_group_id", 0), mayJoin);
    }
    if (!supergroupChat) {
      // A private chat: addressed as it is, the send says the rest.
      return done(Preparation.ready(chatId, title, 0, false));
    }
    long supergroupId = TdlibJson.number(type, "supergroup_id", 0);
    boolean channel = type.getBoolean("is_channel", false);
    return request(TdlibJson.object("getSupergroup").add("supergroup_id", supergroupId).build())
        .thenCompose(
            supergroup -> {
              JsonObject status = TdlibJson.child(supergroup, "status");
              String kind = status == null ? "chatMemberStatusLeft" : TdlibJson.type(status);
              if (chat.hasTopic()
                  && (channel || !supergroup.getBoolean("is_forum", false))
                  && !"chatMemberStatusBanned".equals(kind)) {
                // TDLib would send a topic's post here as a reply to the message of that id.
                return done(
                    Preparation.notAForum(
                        chat,
                        isMember(kind, status)
                            ? TargetMembership.JOINED
                            : TargetMembership.NOT_MEMBER,
                        chatId,
                        title));
              }
              switch (kind) {
                case "chatMemberStatusBanned":
                  return done(
                      Preparation.blocked(
                          TargetMembership.BANNED_IN_CHAT,
                          chatId,
                          title,
                          TargetErrors.bannedInChat(chat.canonical())));
                case "chatMemberStatusLeft":
                  if (channel) {
                    return done(writeForbidden(chat, chatId, title));
                  }
                  if (joinRequested && supergroup.getBoolean("join_by_request", true)) {
                    // Checked, not asked again: no second request, and no join spent on it.
                    return done(
                        Preparation.blocked(
                            TargetMembership.JOIN_REQUESTED,
                            chatId,
                            title,
                            TargetErrors.joinRequested(chat.canonical())));
                  }
                  return join(chat, chatId, title, supergroupId, mayJoin);
                default:
                  return canPost(kind, status, channel, found)
                      ? slowMode(supergroupId, channel)
                          .thenApply(delay -> Preparation.ready(chatId, title, delay, false))
                      : done(writeForbidden(chat, chatId, title));
              }
            });
  }

  /** In the chat: a member, an admin, its creator, or restricted while still a member. */
  private static boolean isMember(String kind, JsonObject status) {
    return switch (kind) {
      case "chatMemberStatusMember", "chatMemberStatusAdministrator", "chatMemberStatusCreator" ->
          true;
      case "chatMemberStatusRestricted" -> status.getBoolean("is_member", false);
      default -> false;
    };
  }

  private CompletableFuture<Preparation> join(
      ChatReference chat, long chatId, String title, long supergroupId, boolean mayJoin) {
    if (!mayJoin) {
      return done(
          Preparation.blocked(
              TargetMembership.NOT_MEMBER, chatId, title, TargetErrors.joinPaced()));
    }
    JsonObject request =
        chat.kind() == ChatReference.Kind.INVITE
            ? TdlibJson.object("joinChatByInviteLink").add("invite_link", chat.canonical()).build()
            : TdlibJson.object("joinChat").add("chat_id", chatId).build();
    return request(request)
        .thenCompose(
            answer ->
                switch (TdlibJoinResult.of(answer).kind()) {
                  case REQUEST_SENT -> done(joinRequested(chat, title).withChatId(chatId, title));
                  case DECLINED -> done(joinDeclined(chat, chatId, title));
                  case JOINED ->
                      slowMode(supergroupId, false)
                          .thenApply(delay -> Preparation.ready(chatId, title, delay, true));
                })
        .exceptionally(failure -> requested(chat, title, failure).withChatId(chatId, title));
  }

  /**
   * A member may write unless the chat is a channel (admins only) or restricts it: the member
   * itself, or every member ({@code chat.permissions}, a read-only group).
   */
  private static boolean canPost(String kind, JsonObject status, boolean channel, JsonObject chat) {
    return switch (kind) {
      case "chatMemberStatusCreator" -> true;
      case "chatMemberStatusAdministrator" -> {
        JsonObject rights = TdlibJson.child(status, "rights");
        yield !channel || (rights != null && rights.getBoolean("can_post_messages", false));
      }
      case "chatMemberStatusMember" -> {
        JsonObject everyone = TdlibJson.child(chat, "permissions");
        yield !channel
            && (everyone == null || everyone.getBoolean("can_send_basic_messages", true));
      }
      case "chatMemberStatusRestricted" -> {
        JsonObject permissions = TdlibJson.child(status, "permissions");
        yield status.getBoolean("is_member", false)
            && permissions != null
            && permissions.getBoolean("can_send_basic_messages", false);
      }
      default -> false;
    };
  }

  private CompletableFuture<Integer> slowMode(long supergroupId, boolean channel) {
    if (channel) {
      return CompletableFuture.completedFuture(0);
    }
    return request(
            TdlibJson.object("getSupergroupFullInfo").add("supergroup_id", supergroupId).build())
        .thenApply(info -> (int) TdlibJson.number(info, "slow_mode_delay", 0))
        .exceptionally(unknown -> 0); // learnt from SLOWMODE_WAIT answers instead
  }

  /**
   * A join Telegram answered with an error: one that only sent a request, as TDLib before 1.8.66
   * answered it; a flood wait, or an error about the session or the connection (401, a timeout),
   * handed on to {@link #refused}; any other refusal ({@code CHANNELS_TOO_MUCH}: the account is in
   * too many chats, {@code USERS_TOO_MUCH}, ...) is a join spent and refused, so the pace counts it
   * and the chat is asked again only at the next recheck, never at every cycle.
   */
  private static Preparation requested(ChatReference chat, String title, Throwable failure) {
    Throwable cause = AsyncFailures.cause(failure);
    if (cause instanceof TdlibException e) {
      if (e.tdlibMessage().contains(REQUEST_SENT)) {
        return joinRequested(chat, title);
      }
      SendOutcome mapped = TdlibErrorMapper.map(e.code(), e.tdlibMessage());
      boolean handedOn =
          e.code() == 401
              || mapped instanceof SendOutcome.FloodWait
              || mapped instanceof SendOutcome.SlowMode
              || mapped instanceof SendOutcome.SenderBanned
              || mapped instanceof SendOutcome.SenderNeedsLogin
              || mapped instanceof SendOutcome.SenderLimited
              || e.tdlibMessage().startsWith("INVITE_HASH")
              || e.tdlibMessage().contains("CHANNEL_PRIVATE");
      if (!handedOn) {
        return Preparation.joinSpent(
            TargetMembership.NOT_MEMBER,
            0,
            title,
            TargetErrors.joinRefused(chat.canonical(), e.tdlibMessage()));
      }
    }
    throw unknown(failure, cause);
  }

  /** A join spent on a request that waits for an admin's (or a guard bot's) approval. */
  private static Preparation joinRequested(ChatReference chat, String title) {
    return Preparation.joinSpent(
        TargetMembership.JOIN_REQUESTED, 0, title, TargetErrors.joinRequested(chat.canonical()));
  }

  /** A join spent and declined by the chat: not a member, and nothing is sent there. */
  private static Preparation joinDeclined(ChatReference chat, long chatId, String title) {
    return Preparation.joinSpent(
        TargetMembership.NOT_MEMBER, chatId, title, TargetErrors.joinDeclined(chat.canonical()));
  }

  /**
   * TDLib refused a step: a flood wait waits the time asked; an unknown username, chat or link is
   * named; anything else (about the session itself, a timeout, an error Herald does not know) says
   * nothing about the chat and fails the preparation ({@link #prepare}).
   */
  private static Preparation refused(ChatReference chat, Throwable failure) {
    Throwable cause = AsyncFailures.cause(failure);
    if (!(cause instanceof TdlibException e)) {
      throw unknown(failure, cause);
    }
    SendOutcome mapped = TdlibErrorMapper.map(e.code(), e.tdlibMessage());
    if (mapped instanceof SendOutcome.FloodWait flood) {
      return Preparation.retryAfter(flood.retryAfter(), TargetErrors.floodWait(flood.retryAfter()));
    }
    if (mapped instanceof SendOutcome.SlowMode slow) {
      return Preparation.retryAfter(slow.retryAfter(), TargetErrors.slowMode(slow.retryAfter()));
    }
    String message = e.tdlibMessage();
    if (message.startsWith("INVITE_HASH")) {
      return Preparation.blocked(
          TargetMembership.NOT_MEMBER, 0, null, TargetErrors.inviteInvalid(chat.canonical()));
    }
    if (message.contains("CHANNEL_PRIVATE")) {
      return Preparation.blocked(
          TargetMembership.BANNED_IN_CHAT, 0, null, TargetErrors.bannedInChat(chat.canonical()));
    }
    if (message.startsWith("USERNAME_") || message.equals("Chat not found")) {
      return Preparation.blocked(
          TargetMembership.NOT_MEMBER, 0, null, TargetErrors.chatNotFound(chat.canonical()));
    }
    throw unknown(failure, cause);
  }

  private static CompletionException unknown(Throwable failure, Throwable cause) {
    return failure instanceof CompletionException c ? c : new CompletionException(cause);
  }

  private static Preparation writeForbidden(ChatReference chat, long chatId, String title) {
    return Preparation.blocked(
        TargetMembership.WRITE_FORBIDDEN,
        chatId,
        title,
        TargetErrors.writeForbidden(chat.canonical()));
  }

  private CompletableFuture<JsonObject> request(JsonObject request) {
    return client.requestToTelegram(request);
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
