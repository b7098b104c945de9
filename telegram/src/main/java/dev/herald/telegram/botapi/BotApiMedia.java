package dev.herald.telegram.botapi;

import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.media.MediaStore;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.Sender;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A media post through the Bot API: {@code sendPhoto}, {@code sendVideo}, {@code sendDocument},
 * {@code sendAnimation} for one medium, {@code sendMediaGroup} for an album (one media group). A
 * medium the bot sent before goes by the {@code file_id} Telegram gave it then; one it never sent
 * is uploaded (multipart) once and its new {@code file_id} kept for the next sends.
 */
final class BotApiMedia {

  /** A prepared call: JSON when every medium has a file id, multipart when some are uploaded. */
  record Call(String method, JsonObject json, BotApiMultipart multipart, List<MediaRef> uploaded) {}

  private final MediaStore store;

  BotApiMedia(MediaStore store) {
    this.store = store;
  }

  /** Empty when a medium of the post is no longer stored (deleted since the post was saved). */
  Optional<Call> prepare(Sender sender, ChatReference chat, Post post) {
    List<MediaRef> uploaded = new ArrayList<>();
    List<String> references = new ArrayList<>();
    List<byte[]> files = new ArrayList<>();
    for (MediaRef medium : post.media()) {
      Optional<String> fileId = store.remoteFileId(medium.id(), sender);
      if (fileId.isPresent()) {
        references.add(fileId.get());
        files.add(null);
        continue;
      }
      Optional<byte[]> bytes = store.content(medium.id());
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      uploaded.add(medium);
      references.add(null);
      files.add(bytes.get());
    }
    return Optional.of(
        post.type() == PostType.ALBUM
            ? album(chat, post, references, files, uploaded)
            : single(chat, post, references.get(0), files.get(0), uploaded));
  }

  private static Call single(
      ChatReference chat, Post post, String fileId, byte[] file, List<MediaRef> uploaded) {
    MediaKind kind = post.media().get(0).kind();
    String field = field(kind);
    String method = "send" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    if (file == null) {
      JsonObjectBuilder body =
          Json.createObjectBuilder(BotApiRequests.chat(chat)).add(field, fileId);
      post.caption().ifPresent(caption -> body.add("caption", caption));
      BotApiRequests.captionEntities(post).ifPresent(e -> body.add("caption_entities", e));
      return new Call(method, body.build(), null, uploaded);
    }
    BotApiMultipart body = new BotApiMultipart();
    BotApiRequests.chat(chat).forEach((name, value) -> body.field(name, text(value)));
    post.caption().ifPresent(caption -> body.field("caption", caption));
    BotApiRequests.captionEntities(post)
        .ifPresent(e -> body.field("caption_entities", e.toString()));
    body.file(field, fileName(post.media().get(0)), "application/octet-stream", file);
    return new Call(method, null, body, uploaded);
  }

  private static Call album(
      ChatReference chat,
      Post post,
      List<String> fileIds,
      List<byte[]> files,
      List<MediaRef> uploaded) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (int i = 0; i < post.media().size(); i++) {
      MediaRef medium = post.media().get(i);
      JsonObjectBuilder item =
          Json.createObjectBuilder()
              .add("type", field(medium.kind()))
              .add("media", files.get(i) == null ? fileIds.get(i) : "attach://file" + i);
      if (i == 0) {
        post.caption().ifPresent(caption -> item.add("caption", caption));
        BotApiRequests.captionEntities(post).ifPresent(e -> item.add("caption_entities", e));
      }
      items.add(item);
    }
    JsonArray media = items.build();
    if (uploaded.isEmpty()) {
      return new Call(
          "sendMediaGroup",
          Json.createObjectBuilder(BotApiRequests.chat(chat)).add("media", media).build(),
          null,
          uploaded);
    }
    BotApiMultipart body = new BotApiMultipart();
    BotApiRequests.chat(chat).forEach((name, value) -> body.field(name, text(value)));
    body.field("media", media.toString());
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i) != null) {
        body.file(
            "file" + i, fileName(post.media().get(i)), "application/octet-stream", files.get(i));
      }
    }
    return new Call("sendMediaGroup", null, body, uploaded);
  }

  /**
   * Keeps the file ids Telegram gave the uploaded media: from the sent {@code Message} (an album:
   * the messages, in the order of the media).
   */
  void remember(Sender sender, Post post, List<MediaRef> uploaded, JsonValue result) {
    for (int i = 0; i < post.media().size(); i++) {
      MediaRef medium = post.media().get(i);
      if (!uploaded.contains(medium)) {
        continue;
      }
      JsonObject message = message(result, i);
      fileId(message, medium.kind())
          .ifPresent(fileId -> store.rememberRemoteFileId(medium.id(), sender, fileId));
    }
  }

  /** The first message's id: what the post's delivery records. */
  static long firstMessageId(JsonValue result) {
    return message(result, 0).getJsonNumber("message_id").longValue();
  }

  private static JsonObject message(JsonValue result, int index) {
    if (result instanceof JsonArray messages) {
      return index < messages.size() ? messages.getJsonObject(index) : JsonValue.EMPTY_JSON_OBJECT;
    }
    return result instanceof JsonObject message ? message : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** A photo comes in several sizes (the largest last): any of their file ids sends the photo. */
  private static Optional<String> fileId(JsonObject message, MediaKind kind) {
    String field = field(kind);
    JsonValue value = message.get(field);
    if (value instanceof JsonArray sizes && !sizes.isEmpty()) {
      return Optional.of(sizes.getJsonObject(sizes.size() - 1).getString("file_id", null));
    }
    if (value instanceof JsonObject file) {
      return Optional.ofNullable(file.getString("file_id", null));
    }
    return Optional.empty();
  }

  /** The Bot API's name for the kind: the method's suffix, the field, the InputMedia type. */
  private static String field(MediaKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static String fileName(MediaRef medium) {
    return "medium-" + medium.id();
  }

  private static String text(JsonValue value) {
    return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
  }
}
