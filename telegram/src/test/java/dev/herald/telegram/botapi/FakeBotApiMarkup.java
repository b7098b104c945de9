package dev.herald.telegram.botapi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;

/**
 * What the Bot API checks in a {@code sendMessage}'s {@code entities} and {@code reply_markup},
 * with its error texts: entity types it knows, inside the text; an {@code inline_keyboard} of rows
 * of buttons, each with a text and exactly one action (Herald's: {@code url}, http(s) or tg).
 */
final class FakeBotApiMarkup {

  private static final Set<String> ENTITY_TYPES =
      Set.of(
          "bold",
          "italic",
          "underline",
          "strikethrough",
          "spoiler",
          "code",
          "pre",
          "text_link",
          "blockquote",
          "expandable_blockquote",
          "url",
          "email",
          "mention",
          "hashtag",
          "cashtag",
          "bot_command",
          "phone_number");

  private FakeBotApiMarkup() {}

  /** The Bot API's description of what is wrong, or null. */
  static String problem(String body) {
    JsonObject request;
    try (var reader = Json.createReader(new StringReader(body))) {
      request = reader.readObject();
    }
    String text = request.getString("text", "");
    JsonArray entities = request.getJsonArray("entities");
    if (entities != null) {
      for (JsonObject entity : entities.getValuesAs(JsonObject.class)) {
        int offset = entity.getInt("offset", -1);
        int length = entity.getInt("length", 0);
        if (!ENTITY_TYPES.contains(entity.getString("type", ""))
            || offset < 0
            || length < 1
            || offset + length > text.length()
            || ("text_link".equals(entity.getString("type")) && !entity.containsKey("url"))) {
          return "can't parse entities: wrong entity " + entity;
        }
      }
    }
    JsonObject markup = request.getJsonObject("reply_markup");
    if (markup == null) {
      return null;
    }
    JsonArray keyboard = markup.getJsonArray("inline_keyboard");
    if (keyboard == null || keyboard.isEmpty()) {
      return "can't parse reply keyboard markup JSON object";
    }
    for (JsonValue row : keyboard) {
      if (row.getValueType() != JsonValue.ValueType.ARRAY || row.asJsonArray().isEmpty()) {
        return "can't parse inline keyboard button: InlineKeyboardButton row must be an array";
      }
      for (JsonObject button : row.asJsonArray().getValuesAs(JsonObject.class)) {
        String url = button.getString("url", "");
        if (button.getString("text", "").isEmpty()) {
          return "can't parse inline keyboard button: Text must be non-empty";
        }
        if (!url.startsWith("https://") && !url.startsWith("http://") && !url.startsWith("tg://")) {
          return "inline keyboard button URL '" + url + "' is invalid: Unsupported URL protocol";
        }
      }
    }
    return null;
  }
}
