package dev.herald.telegram.botapi;

import dev.herald.domain.media.MediaFormat;
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

  /**
   * Whose file ids they are: a {@code file_id} "is unique for each individual bot and can't be
   * transferred from one bot to another" (Bot API, sending files), so they are kept under the bot's
   * own id, the number before the token's colon, not under the tenant's account: a tenant who moves
   * to another bot uploads its media again instead of sending ids the new bot cannot use.
   */
  static Sender fileOwner(Sender sender) {
    String token = sender.credential();
    int colon = token == null ? -1 : token.indexOf(':');
    try {
      return colon > 0 ? Sender.userBot(Long.parseLong(token.substring(0, colon)), token) : sender;
    } catch (NumberFormatException notABotToken) {
      return sender;
    }
  }

  /** A medium uploaded with the call: its bytes, and the name and type Telegram reads. */
  private record Upload(byte[] bytes, String fileName, String contentType) {}

  /** Empty when a medium of the post is no longer stored (deleted since the post was saved). */
  Optional<Call> prepare(Sender sender, ChatReference chat, Post post) {
    Sender owner = fileOwner(sender);
    List<MediaRef> uploaded = new ArrayList<>();
    List<String> references = new ArrayList<>();
    List<Upload> files = new ArrayList<>();
    for (MediaRef medium : post.media()) {
      Optional<String> fileId = store.remoteFileId(medium.id(), owner);
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
      files.add(upload(sender, medium, bytes.get()));
    }
    return Optional.of(
        post.type() == PostType.ALBUM
            ? album(chat, post, references, files, uploaded)
            : single(chat, post, references.get(0), files.get(0), uploaded));
  }

  /**
   * The medium named {@code medium-<id>.<extension>} with its MIME type: Telegram takes both from
   * the name's extension, so a PDF without one arrived as a file of no type, and a GIF might not be
   * taken for an animation (no {@code file_id} to keep, uploaded again every cycle).
   */
  private Upload upload(Sender sender, MediaRef medium, byte[] bytes) {
    Optional<MediaFormat> format =
        store
            .find(sender.id(), medium.id())
            .flatMap(stored -> MediaFormat.ofContentType(stored.contentType()));
    return new Upload(
        bytes,
        "medium-" + medium.id() + format.map(f -> "." + f.extension()).orElse(""),
        format.map(MediaFormat::contentType).orElse("application/octet-stream"));
  }

  private static Call single(
      ChatReference chat, Post post, String fileId, Upload file, List<MediaRef> uploaded) {
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
    body.file(field, file.fileName(), file.contentType(), file.bytes());
    return new Call(method, null, body, uploaded);
  }

  private static Call album(
      ChatReference chat,
      Post post,
      List<String> fileIds,
      List<Upload> files,
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
      Upload file = files.get(i);
      if (file != null) {
        body.file("file" + i, file.fileName(), file.contentType(), file.bytes());
      }
    }
    return new Call("sendMediaGroup", null, body, uploaded);
  }

  /**
   * Keeps the file ids Telegram gave the uploaded media: from the sent {@code Message} (an album:
   * the messages, in the order of the media).
   */
  void remember(Sender sender, Post post, List<MediaRef> uploaded, JsonValue result) {
    Sender owner = fileOwner(sender);
    for (int i = 0; i < post.media().size(); i++) {
      MediaRef medium = post.media().get(i);
      if (!uploaded.contains(medium)) {
        continue;
      }
      JsonObject message = message(result, i);
      fileId(message, medium.kind())
          .ifPresent(fileId -> store.rememberRemoteFileId(medium.id(), owner, fileId));
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

  private static String text(JsonValue value) {
    return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
  }
}
