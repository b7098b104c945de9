package dev.herald.telegram.botapi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The media methods of {@link FakeBotApi} as Telegram answers them: {@code sendPhoto}, {@code
 * sendVideo}, {@code sendDocument}, {@code sendAnimation} and {@code sendMediaGroup} take a file as
 * a multipart upload (a new {@code file_id} is handed out for it) or an earlier {@code file_id}
 * (which must be one this fake handed out to the same bot), and answer with the sent Message (an
 * array of them for a group), the file id in it as the Bot API puts it.
 */
final class FakeBotApiMedia {

  /** One file a bot uploaded: the method, the part's name and its bytes. */
  record Upload(String token, String method, String part, byte[] bytes) {}

  /** One medium a message carried: its kind and file id. */
  record Sent(String method, String kind, String fileId) {}

  private final AtomicLong messageIds = new AtomicLong(100);
  private final AtomicLong fileIds = new AtomicLong();
  private final Map<String, String> fileOwners = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Upload> uploads = new CopyOnWriteArrayList<>();
  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  List<Upload> uploads() {
    return uploads;
  }

  List<Sent> sent() {
    return sent;
  }

  boolean handles(String method) {
    return List.of("sendPhoto", "sendVideo", "sendDocument", "sendAnimation", "sendMediaGroup")
        .contains(method);
  }

  /** The answer's body: the Message(s), or Telegram's 400 for a file id it never handed out. */
  String answer(String token, String method, String contentType, byte[] body) {
    try {
      return send(token, method, contentType, body);
    } catch (IllegalStateException wrongFile) {
      return "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: wrong file"
          + " identifier/HTTP URL specified\"}";
    }
  }

  private String send(String token, String method, String contentType, byte[] body) {
    Map<String, String> fields = new HashMap<>();
    Map<String, byte[]> files = new HashMap<>();
    if (contentType != null && contentType.startsWith("multipart/form-data")) {
      parseMultipart(contentType, body, fields, files);
    } else {
      try (JsonReader reader =
          Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
        reader
            .readObject()
            .forEach(
                (name, value) ->
                    fields.put(
                        name,
                        value instanceof jakarta.json.JsonString s
                            ? s.getString()
                            : value.toString()));
      }
    }
    if (method.equals("sendMediaGroup")) {
      JsonArray media;
      try (JsonReader reader = Json.createReader(new StringReader(fields.get("media")))) {
        media = reader.readArray();
      }
      JsonArrayBuilder messages = Json.createArrayBuilder();
      for (JsonObject item : media.getValuesAs(JsonObject.class)) {
        String kind = item.getString("type");
        String reference = item.getString("media");
        String fileId =
            reference.startsWith("attach://")
                ? upload(token, method, reference.substring(9), files)
                : reuse(token, reference);
        messages.add(message(method, kind, fileId));
      }
      return ok(messages.build().toString());
    }
    String kind = method.substring(4).toLowerCase(Locale.ROOT);
    String fileId =
        files.containsKey(kind)
            ? upload(token, method, kind, files)
            : reuse(token, fields.get(kind));
    return ok(message(method, kind, fileId).toString());
  }

  private String upload(String token, String method, String part, Map<String, byte[]> files) {
    byte[] bytes = files.get(part);
    if (bytes == null) {
      throw new IllegalStateException("no file part " + part);
    }
    uploads.add(new Upload(token, method, part, bytes));
    String fileId = "AgAD-" + fileIds.incrementAndGet();
    fileOwners.put(fileId, token);
    return fileId;
  }

  private String reuse(String token, String fileId) {
    if (fileId == null || !token.equals(fileOwners.get(fileId))) {
      throw new IllegalStateException("unknown file id for this bot: " + fileId);
    }
    return fileId;
  }

  private JsonObject message(String method, String kind, String fileId) {
    sent.add(new Sent(method, kind, fileId));
    JsonObjectBuilder message =
        Json.createObjectBuilder()
            .add("message_id", messageIds.incrementAndGet())
            .add("chat", Json.createObjectBuilder().add("id", -1001));
    if (kind.equals("photo")) {
      // Telegram answers a photo with its sizes, the largest last.
      message.add(
          "photo",
          Json.createArrayBuilder()
              .add(Json.createObjectBuilder().add("file_id", fileId + "-thumb"))
              .add(Json.createObjectBuilder().add("file_id", fileId)));
    } else {
      message.add(kind, Json.createObjectBuilder().add("file_id", fileId));
    }
    return message.build();
  }

  private static String ok(String result) {
    return "{\"ok\":true,\"result\":" + result + "}";
  }

  /** Just enough of RFC 7578 for the fake: parts split by the boundary, name and filename. */
  private static void parseMultipart(
      String contentType, byte[] body, Map<String, String> fields, Map<String, byte[]> files) {
    String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9);
    String all = new String(body, StandardCharsets.ISO_8859_1);
    for (String part : all.split(java.util.regex.Pattern.quote(boundary))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headerEnd);
      String content = part.substring(headerEnd + 4, part.length() - 2);
      int nameAt = headers.indexOf("name=\"") + 6;
      String name = headers.substring(nameAt, headers.indexOf('"', nameAt));
      byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
      if (headers.contains("filename=\"")) {
        files.put(name, bytes);
      } else {
        fields.put(name, new String(bytes, StandardCharsets.UTF_8));
      }
    }
  }
}
