package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.telegram.async.AsyncFailures;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
      TdlibSessionClient client, TdlibDestination to, String text, List<TextEntity> entities) {
    JsonObject content =
        TdlibJson.object("inputMessageText")
            .add(
                "text",
                TdlibJson.object("formattedText")
                    .add("text", text)
                    .add("entities", TdlibEntities.toTdlib(entities)))
            .build();
    return sendContent(client, to, content).thenCompose(message -> awaitFinal(client, message));
  }

  /** {@code sendMessage} of any input content: TDLib's answer, the pending message. */
  static CompletableFuture<JsonObject> sendContent(
      TdlibSessionClient client, TdlibDestination to, JsonObject content) {
    return client.request(to.request("sendMessage").add("input_message_content", content).build());
  }

  static CompletableFuture<SendOutcome> forward(
      TdlibSessionClient client, TdlibDestination to, long fromChatId, long messageId) {
    JsonObject request =
        to.request("forwardMessages")
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
                // TDLib puts null where a message cannot be forwarded (protected content, deleted):
                // the post's fault, whatever the chat, so no other chat is tried with it.
                return CompletableFuture.completedFuture(
                    new SendOutcome.PostRejected(
                        "Telegram does not let the source message be forwarded (its chat protects"
                            + " its content, or it was deleted): change the post's source"));
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
    long chatId = TdlibJson.number(message, "chat_id", 0);
    return client
        .sends()
        .expect(chatId, id)
        .orTimeout(client.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (outcome, failure) -> {
              if (AsyncFailures.cause(failure) instanceof TimeoutException) {
                cancel(client, chatId, id);
              }
            });
  }

  /**
   * Cancels a message TDLib still holds as pending ({@code deleteMessages} of its temporary id): a
   * send Herald gave up on and recorded as failed must not go out later, when TDLib's own wait (a
   * flood wait it sits out, an upload) ends, or the next cycle would post it again. A message that
   * was sent meanwhile has another id by then, and the request deletes nothing.
   */
  private static void cancel(TdlibSessionClient client, long chatId, long temporaryId) {
    client
        .request(
            TdlibJson.object("deleteMessages")
                .add("chat_id", chatId)
                .add("message_ids", Json.createArrayBuilder().add(temporaryId))
                .add("revoke", true)
                .build())
        .exceptionally(gone -> null);
  }

  /**
   * A message TDLib has not sent yet: its temporary id's two lowest bits are 1 (TDLib's {@code
   * MessageId::is_yet_unsent}); server messages have them 0.
   */
  static boolean yetUnsent(long tdlibMessageId) {
    return (tdlibMessageId & 3) == 1;
  }

  static long serverMessageId(long tdlibMessageId) {
    return tdlibMessageId >> SERVER_ID_SHIFT;
  }
}
