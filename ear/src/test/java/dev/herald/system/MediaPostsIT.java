package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.media.SampleMedia;
import dev.herald.launcher.Api;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each media post type through the API and the engine on the sandbox's Telegram model: what the
 * transport received for the chat (which media, of which kind, with which caption, an album as one
 * media group of N items).
 */
class MediaPostsIT extends TenantSystemTest {

  private record Upload(long id, String kind) {}

  private static Upload upload(String token, byte[] bytes) {
    Api.Reply reply = MediaIT.upload(token, "file", null, bytes);
    assertEquals(201, reply.status(), reply::toString);
    return new Upload(
        reply.json().getJsonNumber("id").longValue(), reply.json().getString("kind").toLowerCase());
  }

  /** Configures and starts a bot posting {@code type} to a fresh chat; returns what it got. */
  private static JsonObject postOnce(
      String type, String caption, java.util.function.Function<String, List<Upload>> media) {
    return postOnce(
        type, media, ids -> List.of("post_type", type, "post_text", caption, "media_ids", ids));
  }

  /**
   * As above, the content given as members of the configuration ({@code content} of the media ids):
   * the one-post shorthand or a {@code posts} list.
   */
  private static JsonObject postOnce(
      String type,
      java.util.function.Function<String, List<Upload>> media,
      java.util.function.Function<List<Long>, List<Object>> content) {
    fixtures.session(fixtures.apiPair(7));
    String token = activeTenant("media-post", 1).token();
    List<Upload> uploads = media.apply(token);
    String chat =
        "@media_" + type.toLowerCase() + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
    List<Object> members =
        new ArrayList<>(
            List.of(
                "target_groups",
                List.of(chat),
                "delay_between_posts_seconds",
                0,
                "delay_between_cycles_seconds",
                3600));
    members.addAll(content.apply(uploads.stream().map(Upload::id).toList()));
    Api.Reply saved =
        api.put("/api/v1/bot/config", JsonBody.of(members.toArray())).token(token).send();
    assertEquals(200, saved.status(), saved::toString);
    fixtures.startBot(token);
    JsonArray[] sent = new JsonArray[1];
    Poll.until(
        "the model received the " + type + " post",
        Duration.ofSeconds(30),
        () -> {
          Api.Reply log =
              api.get("/api/v1/admin/sandbox/sent?chat=" + chat)
                  .token(fixtures.adminToken())
                  .send();
          try (JsonReader reader = Json.createReader(new StringReader(log.body()))) {
            sent[0] = reader.readArray();
          }
          return !sent[0].isEmpty();
        });
    api.post("/api/v1/bot/stop", "").token(token).send();
    assertEquals(1, sent[0].size(), sent[0]::toString);
    JsonObject message = sent[0].getJsonObject(0);
    assertEquals("ok", message.getString("outcome"), message::toString);
    List<String> expected = new ArrayList<>();
    uploads.forEach(u -> expected.add(u.kind() + ":" + u.id()));
    List<String> got = new ArrayList<>();
    message
        .getJsonArray("media")
        .getValuesAs(JsonObject.class)
        .forEach(
            m -> got.add(m.getString("kind") + ":" + m.getJsonNumber("medium_id").longValue()));
    assertEquals(expected, got, message::toString);
    return message;
  }

  static Stream<Arguments> singleMedia() {
    return Stream.of(
        Arguments.of("PHOTO", "A photo", SampleMedia.png()),
        Arguments.of("VIDEO", "A video", SampleMedia.mp4()),
        Arguments.of("DOCUMENT", "Terms", SampleMedia.pdf()),
        Arguments.of("ANIMATION", "Wave", SampleMedia.gif()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleMedia")
  void aOneMediumPostReachesTheChatAsOneMediumOfItsTypeWithItsCaption(
      String type, String caption, byte[] medium) {
    JsonObject sent = postOnce(type, caption, t -> List.of(upload(t, medium)));
    assertEquals(type.toLowerCase(), sent.getString("type"));
    assertEquals(caption, sent.getString("text"));
  }

  @Test
  void anAlbumReachesTheChatAsOneMediaGroupOfAllItsItems() {
    JsonObject sent =
        postOnce(
            "ALBUM",
            "Four at once",
            t ->
                List.of(
                    upload(t, SampleMedia.png()),
                    upload(t, SampleMedia.mp4()),
                    upload(t, SampleMedia.jpeg()),
                    upload(t, SampleMedia.webp())));
    assertEquals("album", sent.getString("type"));
    assertEquals(4, sent.getJsonArray("media").size());
    assertEquals("Four at once", sent.getString("text"));
  }

  @Test
  void aPhotoInAPostsListIsSentWithItsMediaAndItsFormattedCaption() {
    JsonObject sent =
        postOnce(
            "PHOTO",
            t -> List.of(upload(t, SampleMedia.png())),
            ids ->
                List.of(
                    "posts",
                    List.of(
                        JsonBody.object(
                            "type",
                            "PHOTO",
                            "format",
                            "HTML",
                            "text",
                            "<b>Tonight</b> at 8",
                            "media_ids",
                            ids))));
    assertEquals("photo", sent.getString("type"));
    assertEquals("Tonight at 8", sent.getString("text"));
    JsonObject bold = sent.getJsonArray("entities").getJsonObject(0);
    assertEquals("bold", bold.getString("type"), sent::toString);
    assertEquals(0, bold.getInt("offset"));
    assertEquals(7, bold.getInt("length"));
  }

  @Test
  void aPostOfAListNamingAnotherKindOfMediumIsRefusedUnderItsOwnName() {
    String token = activeTenant("media-list", 1).token();
    Upload photo = upload(token, SampleMedia.png());
    Api.Reply refused =
        api.put(
                "/api/v1/bot/config",
                JsonBody.of(
                    "target_groups",
                    List.of("@media_list_refused"),
                    "posts",
                    List.of(
                        JsonBody.object("type", "TEXT", "text", "Hello"),
                        JsonBody.object("type", "VIDEO", "media_ids", List.of(photo.id())))))
            .token(token)
            .send();
    Admins.assertFieldRefused(refused, "posts[1].media_ids[0]");
  }
}
