package dev.herald.telegram.tdlib;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The media part of {@link FakeTdJson}, as TDLib answers: {@code sendMessage} with an {@code
 * inputMessagePhoto/Video/Document/Animation} and {@code sendMessageAlbum} answer pending messages
 * whose content carries a local file id; the final {@code updateMessageSendSucceeded} follows;
 * {@code getFile} then reports the file's remote id. An {@code inputFileLocal} must name an
 * existing file; an {@code inputFileRemote} must be a remote id this fake handed out.
 */
final class FakeTdlibMedia {

  /**
   * One medium as TDLib received it: the content type, and {@code local:<path>} or {@code
   * remote:<id>}.
   */
  record Sent(String content, String file) {}

  /** One send call: {@code sendMessage} or {@code sendMessageAlbum}, and its media. */
  record Call(String method, List<Sent> media) {}

  /** TDLib's answer to a media content without its file ({@code FileManager}). */
  static final String NO_INPUT_FILE = "InputFile is not specified";

  private final AtomicLong fileIds = new AtomicLong(500);
  private final AtomicLong messageIds = new AtomicLong(1000);
  private final Map<Long, String> remoteIds = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  List<Call> calls() {
    return calls;
  }

  static boolean isMedia(JsonObject content) {
    String type = content == null ? "" : content.getString("@type", "");
    return List.of(
            "inputMessagePhoto",
            "inputMessageVideo",
            "inputMessageDocument",
            "inputMessageAnimation")
        .contains(type);
  }

  void sendOne(FakeTdJson td, int client, String extra, long chatId, JsonObject content) {
    if (file(content) == null) {
      td.error(client, extra, 400, NO_INPUT_FILE);
      return;
    }
    Sent sent = sent(content);
    if (sent == null) {
      td.error(client, extra, 400, "Invalid file");
      return;
    }
    calls.add(new Call("sendMessage", List.of(sent)));
    long temporary = messageIds.incrementAndGet();
    td.reply(client, extra, pending(chatId, temporary, content, sent));
    td.push(client, succeeded(chatId, temporary));
  }

  void sendAlbum(FakeTdJson td, int client, String extra, long chatId, JsonArray contents) {
    List<Sent> media = new java.util.ArrayList<>();
    for (JsonObject content : contents.getValuesAs(JsonObject.class)) {
      if (file(content) == null) {
        td.error(client, extra, 400, NO_INPUT_FILE);
        return;
      }
      Sent sent = sent(content);
      if (sent == null) {
        td.error(client, extra, 400, "Invalid file");
        return;
      }
      media.add(sent);
    }
    if (media.size() < 2 || media.size() > 10) {
      td.error(client, extra, 400, "Invalid number of messages in the album");
      return;
    }
    calls.add(new Call("sendMessageAlbum", List.copyOf(media)));
    JsonArrayBuilder messages = Json.createArrayBuilder();
    List<Long> temporaries = new java.util.ArrayList<>();
    for (int i = 0; i < media.size(); i++) {
      long temporary = messageIds.incrementAndGet();
      temporaries.add(temporary);
      messages.add(pending(chatId, temporary, contents.getJsonObject(i), media.get(i)));
    }
    td.reply(
        client,
        extra,
        FakeTdJson.obj("messages").add("total_count", media.size()).add("messages", messages));
    temporaries.forEach(temporary -> td.push(client, succeeded(chatId, temporary)));
  }

  void getFile(FakeTdJson td, int client, String extra, long fileId) {
    String remote = remoteIds.get(fileId);
    if (remote == null) {
      td.error(client, extra, 404, "Not Found");
      return;
    }
    td.reply(
        client,
        extra,
        FakeTdJson.obj("file")
            .add("id", fileId)
            .add("remote", FakeTdJson.obj("remoteFile").add("id", remote)));
  }

  /**
   * The content's {@code InputFile}, where TDLib 1.8.66+ reads it: inside the kind's input object
   * ({@code inputMessagePhoto.photo} is an {@code inputPhoto}, whose {@code photo} is the file).
   * Null when absent: a file put straight under {@code inputMessagePhoto.photo}, as before 1.8.66,
   * is read by TDLib as an {@code inputPhoto} without a file.
   */
  private static JsonObject file(JsonObject content) {
    String field = field(content.getString("@type"));
    JsonObject medium = content.getJsonObject(field);
    if (medium == null || !("input" + capitalised(field)).equals(medium.getString("@type", ""))) {
      return null;
    }
    return medium.getJsonObject(field);
  }

  /** What the content names as its file, or null when it names none TDLib could send. */
  private Sent sent(JsonObject content) {
    String type = content.getString("@type");
    JsonObject file = file(content);
    String fileType = file == null ? "" : file.getString("@type", "");
    if (fileType.equals("inputFileLocal")
        && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(file.getString("path")))) {
      return new Sent(type, "local:" + file.getString("path"));
    }
    if (fileType.equals("inputFileRemote") && remoteIds.containsValue(file.getString("id"))) {
      return new Sent(type, "remote:" + file.getString("id"));
    }
    return null;
  }

  private JsonObjectBuilder pending(long chatId, long temporary, JsonObject content, Sent sent) {
    long fileId = fileIds.incrementAndGet();
    String remote =
        sent.file().startsWith("remote:") ? sent.file().substring(7) : "BQACAgI-" + fileId;
    remoteIds.put(fileId, remote);
    String field = field(content.getString("@type"));
    JsonObjectBuilder file = FakeTdJson.obj("file").add("id", fileId);
    JsonObjectBuilder media =
        field.equals("photo")
            ? FakeTdJson.obj("photo")
                .add(
                    "sizes",
                    Json.createArrayBuilder()
                        .add(
                            FakeTdJson.obj("photoSize")
                                .add("photo", FakeTdJson.obj("file").add("id", 1)))
                        .add(FakeTdJson.obj("photoSize").add("photo", file)))
            : FakeTdJson.obj(field).add(field, file);
    return FakeTdJson.obj("message")
        .add("id", temporary)
        .add("chat_id", chatId)
        .add("sending_state", FakeTdJson.obj("messageSendingStatePending").add("sending_id", 0))
        .add("content", FakeTdJson.obj("message" + capitalised(field)).add(field, media));
  }

  private JsonObjectBuilder succeeded(long chatId, long temporary) {
    return FakeTdJson.obj("updateMessageSendSucceeded")
        .add(
            "message",
            FakeTdJson.obj("message").add("id", (temporary + 40) << 20).add("chat_id", chatId))
        .add("old_message_id", temporary);
  }

  /** {@code inputMessagePhoto} → {@code photo}. */
  private static String field(String inputType) {
    return inputType.substring("inputMessage".length()).toLowerCase(Locale.ROOT);
  }

  private static String capitalised(String field) {
    return Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }
}
