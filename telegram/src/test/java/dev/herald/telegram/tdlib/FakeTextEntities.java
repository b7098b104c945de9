package dev.herald.telegram.tdlib;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TDLib's synchronous text methods as {@link FakeTdJson} answers them, for the subset Herald and
 * its tests use: {@code getTextEntities} (mentions, URLs, hashtags) and {@code parseTextEntities}
 * with Markdown (bold, italic, code, links) or HTML ({@code b i u s code a}), with TDLib's error
 * texts for an unclosed entity. Offsets and lengths count UTF-16 code units, as TDLib's do. {@link
 * FakeTdJsonContractIT} holds it to the real library's answers.
 */
final class FakeTextEntities {

  private static final Pattern FOUND =
      Pattern.compile(
          "(?<mention>(?<![\\w@])@[A-Za-z][A-Za-z0-9_]{4,31})"
              + "|(?<url>https?://[^\\s]+?(?=[,.;:!?)]*(?:\\s|$)))"
              + "|(?<hashtag>(?<![\\w#])#\\w+)");
  private static final Map<Character, String> MARKDOWN =
      Map.of('*', "Bold", '_', "Italic", '`', "Code");
  private static final Map<String, String> HTML =
      Map.of(
          "b",
          "Bold",
          "strong",
          "Bold",
          "i",
          "Italic",
          "em",
          "Italic",
          "u",
          "Underline",
          "s",
          "Strikethrough",
          "code",
          "Code");
  private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)(?:\\s+href=\"([^\"]*)\")?>");

  private FakeTextEntities() {}

  static JsonObject getTextEntities(String text) {
    JsonArrayBuilder entities = Json.createArrayBuilder();
    Matcher m = FOUND.matcher(text);
    while (m.find()) {
      String type =
          m.group("mention") != null
              ? "textEntityTypeMention"
              : m.group("url") != null ? "textEntityTypeUrl" : "textEntityTypeHashtag";
      entities.add(entity(m.start(), m.end() - m.start(), obj(type)));
    }
    return obj("textEntities").add("entities", entities).build();
  }

  static JsonObject parse(String text, JsonObject mode) {
    String type = TdlibJson.type(mode);
    try {
      return "textParseModeHTML".equals(type) ? html(text) : markdown(text);
    } catch (IllegalArgumentException bad) {
      return obj("error")
          .add("code", 400)
          .add("message", "Can't parse entities: " + bad.getMessage())
          .build();
    }
  }

  private static JsonObject markdown(String text) {
    StringBuilder plain = new StringBuilder();
    JsonArrayBuilder entities = Json.createArrayBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (MARKDOWN.containsKey(c)) {
        int end = text.indexOf(c, i + 1);
        if (end < 0) {
          throw new IllegalArgumentException(
              "Can't find end of "
                  + MARKDOWN.get(c)
                  + " entity at byte offset "
                  + bytes(text.substring(0, i)));
        }
        String inner = text.substring(i + 1, end);
        entities.add(
            entity(plain.length(), inner.length(), obj("textEntityType" + MARKDOWN.get(c))));
        plain.append(inner);
        i = end + 1;
      } else if (c == '[' && text.indexOf("](", i) > 0 && text.indexOf(')', i) > 0) {
        int close = text.indexOf("](", i);
        int end = text.indexOf(')', close);
        String inner = text.substring(i + 1, close);
        entities.add(
            entity(
                plain.length(),
                inner.length(),
                obj("textEntityTypeTextUrl").add("url", text.substring(close + 2, end))));
        plain.append(inner);
        i = end + 1;
      } else {
        plain.append(c);
        i++;
      }
    }
    return obj("formattedText").add("text", plain.toString()).add("entities", entities).build();
  }

  private static JsonObject html(String text) {
    StringBuilder plain = new StringBuilder();
    JsonArrayBuilder entities = Json.createArrayBuilder();
    Deque<Object[]> open = new ArrayDeque<>(); // tag, start, href
    Matcher m = TAG.matcher(text);
    int at = 0;
    while (m.find()) {
      plain.append(text, at, m.start());
      at = m.end();
      String tag = m.group(2);
      if (m.group(1).isEmpty()) {
        open.push(new Object[] {tag, plain.length(), m.group(3)});
        continue;
      }
      Object[] start = open.pop();
      int from = (Integer) start[1];
      JsonObjectBuilder type =
          "a".equals(tag)
              ? obj("textEntityTypeTextUrl").add("url", (String) start[2])
              : obj("textEntityType" + HTML.get(tag));
      entities.add(entity(from, plain.length() - from, type));
    }
    plain.append(text.substring(at));
    if (!open.isEmpty()) {
      throw new IllegalArgumentException(
          "Can't find end tag corresponding to start tag \"" + open.peek()[0] + "\"");
    }
    return obj("formattedText").add("text", plain.toString()).add("entities", entities).build();
  }

  private static int bytes(String prefix) {
    return prefix.getBytes(StandardCharsets.UTF_8).length;
  }

  private static JsonObjectBuilder entity(int offset, int length, JsonObjectBuilder type) {
    return obj("textEntity").add("offset", offset).add("length", length).add("type", type);
  }

  private static JsonObjectBuilder obj(String type) {
    return Json.createObjectBuilder().add("@type", type);
  }
}
