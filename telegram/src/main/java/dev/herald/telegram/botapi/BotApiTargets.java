package dev.herald.telegram.botapi;

import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetError;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.telegram.ChatReference;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A tenant's bot cannot join anything: before its first post to a chat it asks whether it was added
 * and may post ({@code getMe} for its own id and name, {@code getChat}, then {@code getChatMember}
 * of itself), and when not, the tenant is told to add it.
 */
final class BotApiTargets {

  /** Bot API calls as one user bot (paced by its limits, {@link UserBotThrottle}). */
  interface Calls {
    CompletableFuture<BotApiResponse> call(String method, JsonObject parameters);
  }

  private final Calls calls;

  BotApiTargets(Calls calls) {
    this.calls = calls;
  }

  CompletableFuture<Preparation> prepare(ChatReference chat) {
    if (chat.kind() == ChatReference.Kind.INVITE) {
      return calls
          .call("getMe", Json.createObjectBuilder().build())
          .thenApply(me -> notAdded(username(me), chat, 0, null));
    }
    return calls
        .call("getMe", Json.createObjectBuilder().build())
        .thenCompose(
            me -> {
              if (!me.ok()) {
                // The token or the network, not the chat: the send says which.
                return CompletableFuture.failedFuture(
                    new IllegalStateException("getMe failed: " + me.description()));
              }
              String username = username(me);
              long botId = me.resultObject().getJsonNumber("id").longValue();
              return calls
                  .call("getChat", BotApiRequests.getChat(chat))
                  .thenCompose(
                      found -> {
                        if (!found.ok()) {
                          return CompletableFuture.completedFuture(refused(found, username, chat));
                        }
                        JsonObject info = found.resultObject();
                        long chatId = info.getJsonNumber("id").longValue();
                        return calls
                            .call("getChatMember", BotApiRequests.getChatMember(chatId, botId))
                            .thenApply(member -> member(member, info, username, chat));
                      });
            });
  }

  private static Preparation member(
      BotApiResponse member, JsonObject chatInfo, String username, ChatReference chat) {
    long chatId = chatInfo.getJsonNumber("id").longValue();
    String title = chatInfo.getString("title", null);
    if (!member.ok()) {
      return refused(member, username, chat).withChatId(chatId, title);
    }
    JsonObject status = member.resultObject();
    boolean channel = "channel".equals(chatInfo.getString("type", ""));
    int slowMode = chatInfo.getInt("slow_mode_delay", 0);
    if (chat.hasTopic() && !chatInfo.getBoolean("is_forum", false)) {
      // The Bot API refuses a message_thread_id where there are no topics: nothing to send.
      String standing = status.getString("status", "left");
      boolean in =
          List.of("creator", "administrator", "member").contains(standing)
              || "restricted".equals(standing) && status.getBoolean("is_member", false);
      return Preparation.notAForum(
          chat, in ? TargetMembership.JOINED : TargetMembership.NOT_MEMBER, chatId, title);
    }
    return switch (status.getString("status", "left")) {
      case "creator" -> Preparation.ready(chatId, title, slowMode, false);
      case "administrator" ->
          !channel || status.getBoolean("can_post_messages", false)
              ? Preparation.ready(chatId, title, slowMode, false)
              : cannotPost(chatId, title, username, chat);
      case "member" ->
          channel || !membersMaySend(chatInfo)
              ? cannotPost(chatId, title, username, chat)
              : Preparation.ready(chatId, title, slowMode, false);
      case "restricted" ->
          status.getBoolean("is_member", false) && status.getBoolean("can_send_messages", false)
              ? Preparation.ready(chatId, title, slowMode, false)
              : cannotPost(chatId, title, username, chat);
      case "kicked" ->
          Preparation.blocked(
              TargetMembership.BANNED_IN_CHAT,
              chatId,
              title,
              TargetErrors.bannedInChat(chat.canonical()));
      default -> notAdded(username, chat, chatId, title);
    };
  }

  /**
   * A group's default member permissions ({@code ChatFullInfo.permissions}: "Default chat member
   * permissions, for groups and supergroups"): a group where members may not send messages takes
   * none from a member bot either. Absent: no restriction known.
   */
  private static boolean membersMaySend(JsonObject chatInfo) {
    return !(chatInfo.get("permissions") instanceof JsonObject permissions)
        || permissions.getBoolean("can_send_messages", true);
  }

  private static Preparation cannotPost(
      long chatId, String title, String username, ChatReference chat) {
    return Preparation.blocked(
        TargetMembership.WRITE_FORBIDDEN,
        chatId,
        title,
        TargetErrors.botCannotPost(username, chat.canonical()));
  }

  private static Preparation notAdded(
      String username, ChatReference chat, long chatId, String title) {
    return Preparation.blocked(
        TargetMembership.NOT_MEMBER,
        chatId,
        title,
        TargetErrors.botNotMember(username, chat.canonical()));
  }

  /**
   * A refused {@code getChat}/{@code getChatMember}: a 429 waits the time asked, a 403 (kicked) is
   * a ban in the chat, "chat not found" means the bot was never added; anything else (network, 5xx,
   * a bad token) says nothing about the chat and fails the preparation: the engine sends as
   * written, the send tells it, and nothing is recorded about the chat.
   */
  private static Preparation refused(BotApiResponse answer, String username, ChatReference chat) {
    Optional<Long> retryAfter = answer.retryAfterSeconds();
    if (retryAfter.isPresent()) {
      Duration wait = Duration.ofSeconds(retryAfter.get());
      return Preparation.retryAfter(wait, TargetErrors.floodWait(wait));
    }
    String description = answer.description() == null ? "" : answer.description();
    if (answer.errorCode() == 403 && description.contains("kicked")) {
      TargetError banned = TargetErrors.bannedInChat(chat.canonical());
      return Preparation.blocked(TargetMembership.BANNED_IN_CHAT, 0, null, banned);
    }
    if (answer.errorCode() == 403 || description.contains("chat not found")) {
      return notAdded(username, chat, 0, null);
    }
    throw new CompletionException(
        new IllegalStateException(
            "Bot API " + answer.errorCode() + " " + description + " says nothing of the chat"));
  }

  private static String username(BotApiResponse me) {
    return me.ok() ? me.resultObject().getString("username", "your bot") : "your bot";
  }
}
