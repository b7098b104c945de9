package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.FormattedText;
import dev.herald.domain.telegram.TextEntity;
import dev.herald.domain.telegram.TextFormatException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * TDLib's formatting entities ({@code textEntityTypeBold}, ...) and the Bot API names Herald keeps
 * them under ({@code bold}, ...), both ways. Entities that need more than a URL or a language
 * (custom emoji, mentions by user id) have no place in a post and are refused.
 */
final class TdlibEntities {

  private static final Map<String, String> TO_BOT_API =
      Map.ofEntries(
          Map.entry("textEntityTypeBold", "bold"),
          Map.entry("textEntityTypeItalic", "italic"),
          Map.entry("textEntityTypeUnderline", "underline"),
          Map.entry("textEntityTypeStrikethrough", "strikethrough"),
          Map.entry("textEntityTypeSpoiler", "spoiler"),
          Map.entry("textEntityTypeCode", "code"),
          Map.entry("textEntityTypePre", "pre"),
          Map.entry("textEntityTypePreCode", "pre"),
          Map.entry("textEntityTypeTextUrl", "text_link"),
          Map.entry("textEntityTypeBlockQuote", "blockquote"),
          Map.entry("textEntityTypeExpandableBlockQuote", "expandable_blockquote"),
          Map.entry("textEntityTypeUrl", "url"),
          Map.entry("textEntityTypeEmailAddress", "email"),
          Map.entry("textEntityTypeMention", "mention"),
          Map.entry("textEntityTypeHashtag", "hashtag"),
          Map.entry("textEntityTypeCashtag", "cashtag"),
          Map.entry("textEntityTypeBotCommand", "bot_command"),
          Map.entry("textEntityTypePhoneNumber", "phone_number"));

  private static final Map<String, String> TO_TDLIB =
      TO_BOT_API.entrySet().stream()
          .filter(e -> !"textEntityTypePreCode".equals(e.getKey()))
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

  private TdlibEntities() {}

  /** A TDLib {@code formattedText} as Herald's. */
  static FormattedText fromTdlib(JsonObject formattedText) {
    List<TextEntity> entities = new ArrayList<>();
    JsonArray raw = formattedText.getJsonArray("entities");
    for (JsonObject entity :
        raw == null ? List.<JsonObject>of() : raw.getValuesAs(JsonObject.class)) {
      JsonObject type = entity.getJsonObject("type");
      String tdType = TdlibJson.type(type);
      String botApi = TO_BOT_API.get(tdType);
      if (botApi == null) {
        throw new TextFormatException(
            "Custom emoji and mentions of users by id cannot be used in posts ("
                + tdType
                + " at offset "
                + entity.getInt("offset")
                + ").");
      }
      entities.add(
          new TextEntity(
              botApi,
              entity.getInt("offset"),
              entity.getInt("length"),
              type.getString("url", null),
              "textEntityTypePreCode".equals(tdType) ? type.getString("language", null) : null));
    }
    return new FormattedText(formattedText.getString("text"), entities);
  }

  /** Herald's entities as TDLib's {@code textEntity} array. */
  static JsonArrayBuilder toTdlib(List<TextEntity> entities) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (TextEntity entity : entities) {
      JsonObjectBuilder type;
      if ("pre".equals(entity.type()) && entity.language() != null) {
        type = TdlibJson.object("textEntityTypePreCode").add("language", entity.language());
      } else if ("text_link".equals(entity.type())) {
        type = TdlibJson.object("textEntityTypeTextUrl").add("url", entity.url());
      } else {
        String tdType = TO_TDLIB.get(entity.type());
        if (tdType == null) {
          continue; // Nothing Herald stores; an unknown name would make TDLib refuse the message.
        }
        type = TdlibJson.object(tdType);
      }
      out.add(
          TdlibJson.object("textEntity")
              .add("offset", entity.offset())
              .add("length", entity.length())
              .add("type", type));
    }
    return out;
  }
}
