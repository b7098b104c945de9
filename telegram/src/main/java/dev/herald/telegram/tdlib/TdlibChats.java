package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves chat references to this session's TDLib chat ids, and message links to a source chat and
 * message, caching both: resolution costs Telegram requests that count against flood limits.
 */
final class TdlibChats {

  /** A message a link points to, in TDLib's ids. */
  record Source(long chatId, long messageId) {}

  private final TdlibSessionClient client;
  private final Map<String, Long> chatIds = new ConcurrentHashMap<>();
  private final Map<String, Source> sources = new ConcurrentHashMap<>();

  TdlibChats(TdlibSessionClient client) {
    this.client = client;
  }

  CompletableFuture<Long> resolve(ChatReference chat) {
    Long cached = chatIds.get(chat.canonical());
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    return lookup(chat)
        .thenApply(
            id -> {
              if (id != 0) { // 0 is no chat: asked again next time, never kept
                chatIds.put(chat.canonical(), id);
              }
              return id;
            });
  }

  private CompletableFuture<Long> lookup(ChatReference chat) {
    switch (chat.kind()) {
      case USERNAME:
        return chatIdOf(
            client.request(
                TdlibJson.object("searchPublicChat").add("username", chat.username()).build()),
            "id");
      case CHAT_ID:
        return chatIdOf(
            client.request(TdlibJson.object("getChat").add("chat_id", chat.chatId()).build()),
            "id");
      default:
        return joinInvite(chat.canonical());
    }
  }

  /** Already a member: the link info names the chat; otherwise the session joins by the link. */
  private CompletableFuture<Long> joinInvite(String link) {
    return client
        .request(TdlibJson.object("checkChatInviteLink").add("invite_link", link).build())
        .thenCompose(
            info -> {
              long chatId = TdlibJson.number(info, "chat_id", 0);
              if (chatId != 0) {
                return CompletableFuture.completedFuture(chatId);
              }
              return client
                  .request(
                      TdlibJson.object("joinChatByInviteLink").add("invite_link", link).build())
                  .thenApply(TdlibChats::joinedChatId);
            });
  }

  /** The chat a join by link made the session a member of; a join that did not, an error. */
  private static long joinedChatId(JsonObject answer) {
    TdlibJoinResult result = TdlibJoinResult.of(answer);
    return switch (result.kind()) {
      case JOINED -> result.chatId();
      // What TDLib before 1.8.66 answered, and the send maps as it did then.
      case REQUEST_SENT -> throw new TdlibException(400, "INVITE_REQUEST_SENT");
      case DECLINED -> throw new TdlibException(403, "The chat declined the join");
    };
  }

  /** {@code getMessageLinkInfo} finds and loads the source message of a FORWARD post. */
  CompletableFuture<Source> source(MessageLink link) {
    Source cached = sources.get(link.toLink());
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    return client
        .request(TdlibJson.object("getMessageLinkInfo").add("url", link.toLink()).build())
        .thenApply(
            info -> {
              JsonObject message = TdlibJson.child(info, "message");
              if (message == null) {
                throw new TdlibException(
                    400, "Source message " + link + " is not accessible to this session");
              }
              Source source =
                  new Source(
                      TdlibJson.number(info, "chat_id", 0), TdlibJson.number(message, "id", 0));
              sources.put(link.toLink(), source);
              return source;
            });
  }

  private static CompletableFuture<Long> chatIdOf(
      CompletableFuture<JsonObject> chat, String field) {
    return chat.thenApply(object -> TdlibJson.number(object, field, 0));
  }
}
