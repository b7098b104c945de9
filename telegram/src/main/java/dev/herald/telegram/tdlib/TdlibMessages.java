package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.TextEntity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code sendMessage} and {@code forwardMessages} for one session. TDLib answers both at once with
 * a temporary message in state pending; the outcome is the later {@code updateMessageSendSucceeded}
 * or {@code updateMessageSendFailed} for that temporary id.
 */
final class TdlibMessages {

  /** TDLib message ids are Telegram's server ids shifted left by 20 bits. */
  private static final int SERVER_ID_SHIFT = 20;

  private TdlibMessages() {}

  /** The text with its entities; sessions are user accounts and never send buttons. */
  static CompletableFuture<SendOutcome> sendText(
      TdlibSessionClient client, long chatId, String text, List<TextEntity> entities) {
    JsonObject content =
        TdlibJson.object("inputMessageText")
            .add(
                "text",
                TdlibJson.object("formattedText")
                    .add("text", text)
                    .add("entities", TdlibEntities.toTdlib(entities)))
            .build();
    return sendContent(client, chatId, content).thenCompose(message -> awaitFinal(client, message));
  }

  /** {@code sendMessage} of any input content: TDLib's answer, the pending message. */
  static CompletableFuture<JsonObject> sendContent(
      TdlibSessionClient client, long chatId, JsonObject content) {
    return client.request(
        TdlibJson.object("sendMessage")
            .add("chat_id", chatId)
            .add("input_message_content", content)
            .build());
  }

  static CompletableFuture<SendOutcome> forward(
      TdlibSessionClient client, long chatId, long fromChatId, long messageId) {
    JsonObject request =
        TdlibJson.object("forwardMessages")
            .add("chat_id", chatId)
            .add("from_chat_id", fromChatId)
            .add("message_ids", Json.createArrayBuilder().add(messageId))
            .add("send_copy", false)
            .add("remove_caption", false)
            .build();
    return requestMessages(client, request)
        .thenCompose(
            messages -> {
              JsonObject first = messages.isEmpty() ? null : messages.get(0);
              if (first == null) {
                // TDLib puts null where a message cannot be forwarded (protected content, deleted).
                return CompletableFuture.completedFuture(
                    new SendOutcome.TransientError("TDLib could not forward the source message"));
              }
              return awaitFinal(client, first);
            });
  }

  /**
   * Sends a request TDLib answers with {@code messages} ({@code forwardMessages}, {@code
   * sendMessageAlbum}): one entry per message asked for, null where TDLib could not send it.
   */
  static CompletableFuture<List<JsonObject>> requestMessages(
      TdlibSessionClient client, JsonObject request) {
    return client
        .request(request)
        .thenApply(
            answer -> {
              JsonArray messages = answer.getJsonArray("messages");
              List<JsonObject> sent = new ArrayList<>();
              if (messages != null) {
                messages.forEach(m -> sent.add(m instanceof JsonObject o ? o : null));
              }
              return sent;
            });
  }

  /** The final outcome of a message TDLib accepted as pending (also each message of an album). */
  static CompletableFuture<SendOutcome> awaitFinal(TdlibSessionClient client, JsonObject message) {
    long id = TdlibJson.number(message, "id", 0);
    JsonObject state = TdlibJson.child(message, "sending_state");
    if (state == null) {
      // Not pending: already sent (TDLib does this for some local chats).
      return CompletableFuture.completedFuture(new SendOutcome.Delivered(serverMessageId(id)));
    }
    if ("messageSendingStateFailed".equals(TdlibJson.type(state))) {
      JsonObject error = TdlibJson.child(state, "error");
      return CompletableFuture.completedFuture(
          error == null
              ? new SendOutcome.TransientError("Message failed to send")
              : TdlibErrorMapper.map(error));
    }
    // Bounded here too, so a send whose final update never comes does not stay registered.
    return client
        .sends()
        .expect(TdlibJson.number(message, "chat_id", 0), id)
        .orTimeout(client.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  static long serverMessageId(long tdlibMessageId) {
    return tdlibMessageId >> SERVER_ID_SHIFT;
  }
}
