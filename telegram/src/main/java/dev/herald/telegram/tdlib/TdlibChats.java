package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.telegram.async.AsyncFailures;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves chat references to this session's TDLib chat ids, and message links to a source chat and
 * message, caching both: resolution costs Telegram requests that count against flood limits. The
 * send path never joins: a chat the session is not in is the preparation's to join, at the join
 * pace ({@link TdlibTargets}).
 */
final class TdlibChats {

  /** A message a link points to, in TDLib's ids. */
  record Source(long chatId, long messageId) {}

  /** Chats asked of {@code loadChats} at a time, and at most this many times per client. */
  private static final int LOAD_CHATS_LIMIT = 100;

  private static final int LOAD_CHATS_ROUNDS = 50;

  private final TdlibSessionClient client;
  private final Map<String, Long> chatIds = new ConcurrentHashMap<>();
  private final Map<String, Source> sources = new ConcurrentHashMap<>();
  private final AtomicReference<CompletableFuture<Void>> chatList = new AtomicReference<>();

  /** The chat id the session's records hold for a canonical reference ({@link #knowing}). */
  private volatile Function<String, CompletableFuture<OptionalLong>> known =
      chat -> CompletableFuture.completedFuture(OptionalLong.empty());

  TdlibChats(TdlibSessionClient client) {
    this.client = client;
  }

  /**
   * From now on {@code chat} (canonical, without a topic) is the chat {@code chatId}: a group
   * upgraded since.
   */
  void remember(String chat, long chatId) {
    chatIds.put(chat, chatId);
  }

  /** Where the chat ids the session's records hold come from; asked off TDLib's receive thread. */
  void knowing(Function<String, CompletableFuture<OptionalLong>> ids) {
    this.known = ids;
  }

  /** The chat's id for this client; a topic is the send's business, the chat is the same. */
  CompletableFuture<Long> resolve(ChatReference target) {
    ChatReference chat = target.chat();
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
        // The id the records hold first: this client may have no cache (opened on another node),
        // and a username resolved again spends one of the account's few resolutions a day.
        return byStoredIdElse(chat, () -> byUsername(chat));
      case CHAT_ID:
        // The records may hold another id: a basic group upgraded to a supergroup since.
        return byStoredIdElse(chat, () -> chatIdOf(chat(chat.chatId()), "id"));
      default:
        return byInvite(chat.canonical());
    }
  }

  /**
   * The chat by the id the session's records hold for {@code chat}; by {@code asWritten} when they
   * hold none, or when this client does not know that id (a timeout or a wait is not retried).
   */
  private CompletableFuture<Long> byStoredIdElse(
      ChatReference chat, Supplier<CompletableFuture<Long>> asWritten) {
    return known
        .apply(chat.canonical())
        .exceptionally(unreadable -> OptionalLong.empty())
        .thenCompose(
            id ->
                id.isEmpty()
                    ? asWritten.get()
                    : chatIdOf(chat(id.getAsLong()), "id")
                        .exceptionallyCompose(
                            failure ->
                                chatNotFound(failure)
                                    ? asWritten.get()
                                    : CompletableFuture.failedFuture(failure)));
  }

  private CompletableFuture<Long> byUsername(ChatReference chat) {
    return chatIdOf(
        client.request(
            TdlibJson.object("searchPublicChat").add("username", chat.username()).build()),
        "id");
  }

  /**
   * {@code getChat}. A user account's TDLib knows a chat by id only once it saw it, and a client
   * opened from the stored state on another node has seen nothing (the chat database is not carried
   * with the binlog): for a chat it does not know, the session's chat list is loaded first ({@code
   * loadChats} until TDLib says all are loaded, once per client), then asked again.
   */
  CompletableFuture<JsonObject> chat(long chatId) {
    return getChat(chatId)
        .exceptionallyCompose(
            failure ->
                chatNotFound(failure)
                    ? loadChatList().thenCompose(loaded -> getChat(chatId))
                    : CompletableFuture.failedFuture(failure));
  }

  /** TDLib's answer for a chat this client does not know (a timeout or a wait is not one). */
  static boolean chatNotFound(Throwable failure) {
    return AsyncFailures.cause(failure) instanceof TdlibException e
        && e.tdlibMessage().equals("Chat not found");
  }

  private CompletableFuture<JsonObject> getChat(long chatId) {
    return client.request(TdlibJson.object("getChat").add("chat_id", chatId).build());
  }

  /**
   * Loads the main and the archive chat lists, once per client while it succeeds: a load cut short
   * (a flood wait, a timeout) is tried again by the next chat TDLib does not know. Always
   * completes.
   */
  private CompletableFuture<Void> loadChatList() {
    CompletableFuture<Void> loading = new CompletableFuture<>();
    if (!chatList.compareAndSet(null, loading)) {
      return chatList.get();
    }
    try {
      loadAll("chatListMain", LOAD_CHATS_ROUNDS)
          .thenCompose(main -> main ? loadAll("chatListArchive", LOAD_CHATS_ROUNDS) : done(false))
          .whenComplete(
              (loaded, failure) -> {
                if (!Boolean.TRUE.equals(loaded)) {
                  chatList.set(null);
                }
                loading.complete(null);
              });
    } catch (RuntimeException e) {
      chatList.set(null);
      loading.complete(null);
    }
    return loading;
  }

  /**
   * {@code loadChats} of one list until TDLib answers 404 (all loaded: true), or fails or {@code
   * rounds} run out (false).
   */
  private CompletableFuture<Boolean> loadAll(String list, int rounds) {
    return client
        .request(
            TdlibJson.object("loadChats")
                .add("chat_list", TdlibJson.object(list))
                .add("limit", LOAD_CHATS_LIMIT)
                .build())
        .handle(
            (ok, failure) -> {
              if (failure == null) {
                return rounds > 1 ? loadAll(list, rounds - 1) : done(false);
              }
              return done(
                  AsyncFailures.cause(failure) instanceof TdlibException e && e.code() == 404);
            })
        .thenCompose(next -> next);
  }

  private static CompletableFuture<Boolean> done(boolean loaded) {
    return CompletableFuture.completedFuture(loaded);
  }

  /**
   * A member's chat, named by the link's info. Not a member: TDLib's word for a chat the session
   * may not write to, so the send is refused ({@code CHAT_FORBIDDEN}) and the chat is prepared (and
   * joined, at the pace) before the next send, instead of joined here.
   */
  private CompletableFuture<Long> byInvite(String link) {
    return client
        .request(TdlibJson.object("checkChatInviteLink").add("invite_link", link).build())
        .thenApply(
            info -> {
              long chatId = TdlibJson.number(info, "chat_id", 0);
              if (chatId == 0) {
                throw new TdlibException(
                    400, "Have no write access to the chat: not a member of " + link);
              }
              return chatId;
            });
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
