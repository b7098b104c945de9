package dev.herald.telegram.botapi;

import dev.herald.domain.content.BotPostsJson;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.TextEntity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Builds the JSON bodies of the Bot API methods Herald uses. */
final class BotApiRequests {

  private BotApiRequests() {}

  /**
   * {@code sendMessage}: the text as parsed, with its {@code entities} (never a {@code parse_mode}:
   * Herald parsed the text when the post was made, so the Bot API sends exactly what was checked)
   * and URL buttons as an {@code inline_keyboard} {@code reply_markup}.
   */
  static JsonObject sendMessage(ChatReference chat, Post post) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    destination(body, chat);
    body.add("text", post.text());
    if (!post.entities().isEmpty()) {
      body.add("entities", entities(post.entities()));
    }
    if (post.hasButtons()) {
      body.add(
          "reply_markup",
          Json.createObjectBuilder().add("inline_keyboard", BotPostsJson.buttons(post.buttons())));
    }
    return body.build();
  }

  /**
   * A media post's {@code caption_entities} (the caption as parsed, like a text's {@code
   * entities}); empty without formatting.
   */
  static java.util.Optional<JsonArray> captionEntities(Post post) {
    return post.entities().isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(entities(post.entities()).build());
  }

  private static JsonArrayBuilder entities(List<TextEntity> entities) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (TextEntity entity : entities) {
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("type", entity.type())
              .add("offset", entity.offset())
              .add("length", entity.length());
      if (entity.url() != null) {
        json.add("url", entity.url());
      }
      if (entity.language() != null) {
        json.add("language", entity.language());
      }
      out.add(json);
    }
    return out;
  }

  /** {@code getChat}: the chat a bot addresses by {@code @username} or id. */
  static JsonObject getChat(ChatReference chat) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    chatId(body, "chat_id", chat);
    return body.build();
  }

  /** {@code getChatMember} of {@code userId} (the bot itself) in a chat known by its id. */
  static JsonObject getChatMember(long chatId, long userId) {
    return Json.createObjectBuilder().add("chat_id", chatId).add("user_id", userId).build();
  }

  /** {@code forwardMessage} or {@code copyMessage}: both take the same three fields. */
  static JsonObject forwardOrCopy(ChatReference chat, MessageLink source) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    destination(body, chat);
    chatId(body, "from_chat_id", source.chat());
    return body.add("message_id", source.messageId()).build();
  }

  /**
   * Just where to send ({@code chat_id}, and {@code message_thread_id} in a topic), for the media
   * methods that add their own fields.
   */
  static JsonObject chat(ChatReference chat) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    destination(body, chat);
    return body.build();
  }

  /**
   * Where a send goes: the chat, and the forum topic as the Bot API's {@code message_thread_id}.
   */
  private static void destination(JsonObjectBuilder body, ChatReference chat) {
    chatId(body, "chat_id", chat);
    if (chat.hasTopic()) {
      body.add("message_thread_id", chat.topic());
    }
  }

  /**
   * Bot API chat ids: {@code @username} for public chats, the number otherwise. Invite links are
   * for people; a bot must be added to the chat and use its id.
   */
  private static void chatId(JsonObjectBuilder body, String field, ChatReference chat) {
    if (chat.kind() == ChatReference.Kind.CHAT_ID) {
      body.add(field, chat.chatId());
    } else if (chat.kind() == ChatReference.Kind.USERNAME) {
      body.add(field, "@" + chat.username());
    } else {
      throw new IllegalArgumentException("invite link");
    }
  }
}
