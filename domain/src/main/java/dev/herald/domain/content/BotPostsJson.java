package dev.herald.domain.content;

import dev.herald.domain.media.MediaKind;
import dev.herald.domain.media.MediaRef;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.PostType;
import dev.herald.domain.telegram.TextFormat;
import dev.herald.domain.telegram.UrlButton;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a bot's posts are stored (one JSON document in {@code bot.content_json}): validated
 * configuration in, the same out. A post's media are {@code [{id, kind}]} in order (the kind, so
 * that a transport picks its method without reading the medium). Unknown members are ignored on
 * reading, so a member added later does not break older rows.
 */
public final class BotPostsJson {

  /** Made once: {@code Json.createReader} looks the JSON-P provider up on every call. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

  private BotPostsJson() {}

  public static String write(BotPosts content) {
    JsonArrayBuilder posts = BUILDERS.createArrayBuilder();
    for (BotPost post : content.posts()) {
      JsonObjectBuilder json =
          BUILDERS
              .createObjectBuilder()
              .add("type", post.type().name())
              .add("format", post.format().name());
      if (post.text() != null) {
        json.add("text", post.text());
      }
      if (post.forwardSource() != null) {
        json.add("forward_source", post.forwardSource().toLink());
      }
      if (post.hasButtons()) {
        json.add("buttons", buttons(post.buttons()));
      }
      if (!post.media().isEmpty()) {
        JsonArrayBuilder media = BUILDERS.createArrayBuilder();
        post.media()
            .forEach(
                m ->
                    media.add(
                        BUILDERS
                            .createObjectBuilder()
                            .add("id", m.id())
                            .add("kind", m.kind().name())));
        json.add("media", media);
      }
      posts.add(json);
    }
    return BUILDERS
        .createObjectBuilder()
        .add("rotation", content.rotation().name())
        .add("sessions_drop_buttons", content.sessionsDropButtons())
        .add("posts", posts)
        .build()
        .toString();
  }

  public static BotPosts read(String stored) {
    JsonObject json;
    try (var reader = READERS.createReader(new StringReader(stored))) {
      json = reader.readObject();
    }
    List<BotPost> posts = new ArrayList<>();
    for (JsonObject post : json.getJsonArray("posts").getValuesAs(JsonObject.class)) {
      String source = post.getString("forward_source", null);
      posts.add(
          new BotPost(
              PostType.valueOf(post.getString("type")),
              post.getString("text", null),
              TextFormat.valueOf(post.getString("format", TextFormat.PLAIN.name())),
              source == null ? null : MessageLink.parse(source),
              readButtons(post.getJsonArray("buttons")),
              readMedia(post.getJsonArray("media"))));
    }
    return new BotPosts(
        posts,
        Rotation.valueOf(json.getString("rotation", Rotation.IN_ORDER.name())),
        json.getBoolean("sessions_drop_buttons", false));
  }

  /** Rows of {@code {text, url}}, as the Bot API's {@code inline_keyboard} spells them. */
  public static JsonArray buttons(List<List<UrlButton>> rows) {
    JsonArrayBuilder out = BUILDERS.createArrayBuilder();
    for (List<UrlButton> row : rows) {
      JsonArrayBuilder buttons = BUILDERS.createArrayBuilder();
      row.forEach(
          b ->
              buttons.add(
                  BUILDERS.createObjectBuilder().add("text", b.text()).add("url", b.url())));
      out.add(buttons);
    }
    return out.build();
  }

  private static List<MediaRef> readMedia(JsonArray media) {
    if (media == null) {
      return List.of();
    }
    List<MediaRef> out = new ArrayList<>();
    for (JsonObject m : media.getValuesAs(JsonObject.class)) {
      out.add(
          new MediaRef(m.getJsonNumber("id").longValue(), MediaKind.valueOf(m.getString("kind"))));
    }
    return out;
  }

  private static List<List<UrlButton>> readButtons(JsonArray rows) {
    if (rows == null) {
      return List.of();
    }
    List<List<UrlButton>> out = new ArrayList<>();
    for (JsonValue row : rows) {
      List<UrlButton> buttons = new ArrayList<>();
      for (JsonObject b : row.asJsonArray().getValuesAs(JsonObject.class)) {
        buttons.add(new UrlButton(b.getString("text"), b.getString("url")));
      }
      out.add(buttons);
    }
    return out;
  }
}
