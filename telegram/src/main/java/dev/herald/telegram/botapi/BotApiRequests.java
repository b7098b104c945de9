package dev.herald.telegram.botapi;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Builds the JSON bodies of the Bot API methods Herald uses. */
final class BotApiRequests {

  private BotApiRequests() {}

  static JsonObject sendMessage(ChatReference chat, String text) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    chatId(body, "chat_id", chat);
    return body.add("text", text).build();
  }

  /** {@code forwardMessage} or {@code copyMessage}: both take the same three fields. */
  static JsonObject forwardOrCopy(ChatReference chat, MessageLink source) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    chatId(body, "chat_id", chat);
    chatId(body, "from_chat_id", source.chat());
    return body.add("message_id", source.messageId()).build();
  }

  /** Just the {@code chat_id}, for the media methods that add their own fields. */
  static JsonObject chat(ChatReference chat) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    chatId(body, "chat_id", chat);
    return body.build();
  }

  /**
   * Bot API chat ids: {@code @username} for public chats, the number otherwise. Invite links are
   * for people; a bot must be added to the chat and use its id.
   */
  private static void chatId(JsonObjectBuilder body, String field, ChatReference chat) {
    if (chat.kind() == ChatReference.Kind.CHAT_ID) {
      body.add(field, chat.chatId());
    } else if (chat.kind() == ChatReference.Kind.USERNAME) {
      body.add(field, chat.canonical());
    } else {
      throw new IllegalArgumentException("invite link");
    }
  }
}
