package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SPEC rule 12 for the bot configuration: bad input is a 400 problem naming every bad field. */
class BotConfigIT extends TenantSystemTest {

  @Test
  void validConfigIsNormalisedDeduplicatedAndStored() {
    String token = tokens.tenant(Tokens.newSubject("config"));
    String body =
        JsonBody.of(
            "target_groups",
            List.of("@Herald_News", "https://t.me/herald_news", "-1001234567890"),
            "post_text",
            "Hello",
            "delay_between_posts_seconds",
            30,
            "delay_between_cycles_seconds",
            900);
    Api.Reply put = api.put("/api/v1/bot/config", body).token(token).send();
    assertEquals(200, put.status(), put::toString);
    JsonObject stored = api.get("/api/v1/bot/config").token(token).send().json();
    List<String> groups =
        stored.getJsonArray("target_groups").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    assertEquals(List.of("@herald_news", "-1001234567890"), groups);
    assertEquals(30, stored.getInt("delay_between_posts_seconds"));
  }

  @Test
  void invalidConfigIs400NamingEachBadFieldAndChangesNothing() {
    String token = tokens.tenant(Tokens.newSubject("invalid"));
    api.put("/api/v1/bot/config", JsonBody.of("post_text", "kept")).token(token).send();
    String body =
        JsonBody.of(
            "target_groups",
            List.of("@ok_group", "not a chat!"),
            "post_type",
            "AUDIO",
            "post_text",
            "x".repeat(4097),
            "delay_between_posts_seconds",
            1,
            "delay_between_cycles_seconds",
            2);
    Api.Reply reply = api.put("/api/v1/bot/config", body).token(token).send();

    assertEquals(400, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.header("Content-Type"));
    JsonObject problem = reply.json();
    assertEquals("https://herald.dev/problems/invalid-input", problem.getString("type"));
    assertEquals(400, problem.getInt("status"));
    assertEquals(reply.header("X-Request-Id"), problem.getString("request_id"));
    Set<String> fields =
        problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "target_groups[1]",
            "post_type",
            "post_text",
            "delay_between_posts_seconds",
            "delay_between_cycles_seconds"),
        fields);
    assertEquals(
        "kept", api.get("/api/v1/bot/config").token(token).send().json().getString("post_text"));
  }

  @Test
  void moreGroupsThanThePlanAllowsIs400() {
    String token = tokens.tenant(Tokens.newSubject("groups"));
    List<String> groups = IntStream.range(0, 51).mapToObj(i -> "@group_number_" + i).toList();
    Api.Reply reply =
        api.put("/api/v1/bot/config", JsonBody.of("target_groups", groups)).token(token).send();
    assertEquals(400, reply.status());
    assertTrue(reply.body().contains("\"target_groups\""), reply::toString);
  }

  @Test
  void malformedJsonIs400ProblemWithoutInternals() {
    String token = tokens.tenant(Tokens.newSubject("malformed"));
    Api.Reply reply = api.put("/api/v1/bot/config", "{\"target_groups\": [").token(token).send();
    assertEquals(400, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.header("Content-Type"));
    assertFalse(reply.body().contains("Exception"), reply::toString);
    assertFalse(reply.body().contains("at dev.herald"), reply::toString);
  }

  @Test
  void wrongContentTypeIs415Problem() {
    String token = tokens.tenant(Tokens.newSubject("ctype"));
    Api.Reply reply =
        api.put("/api/v1/bot/config", "{}")
            .token(token)
            .header("Content-Type", "text/plain")
            .send();
    assertEquals(415, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.header("Content-Type"));
  }
}
