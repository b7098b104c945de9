package dev.herald.telegram.tdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract between {@link FakeTdJson} and the real libtdjson: the same requests, wherever the
 * real library answers offline, get structurally the same answers from both (ignoring {@code
 * @extra}, {@code @client_id} and the other updates the real library sends). The library is found by
 * {@link RealTdlib}.
 */
class FakeTdJsonContractIT {

  /** Keys whose values differ from run to run or between the two by design. */
  private static final Set<String> VOLATILE = Set.of("@extra", "@client_id");

  private static TdJson real;

  @BeforeAll
  static void load() {
    String path = RealTdlib.pathOrSkip();
    real = TdlibLibrary.load(Optional.of(path), 0).binding().orElseThrow();
  }

  private static final List<String> SYNCHRONOUS =
      List.of(
          "{\"@type\":\"getOption\",\"name\":\"version\"}",
          "{\"@type\":\"getOption\",\"name\":\"no_such_option\"}",
          "{\"@type\":\"setLogVerbosityLevel\",\"new_verbosity_level\":0}",
          "{\"@type\":\"getLogVerbosityLevel\"}",
          "{\"@type\":\"getTextEntities\",\"text\":\"Hi @herald_demo, see https://t.me/herald"
              + " #news\"}",
          "{\"@type\":\"parseTextEntities\",\"text\":\"*bold* and _italic_ and `code`\","
              + "\"parse_mode\":{\"@type\":\"textParseModeMarkdown\",\"version\":2}}",
          "{\"@type\":\"parseTextEntities\",\"text\":\"*bold* [link](https://t.me/herald)\","
              + "\"parse_mode\":{\"@type\":\"textParseModeMarkdown\",\"version\":1}}",
          "{\"@type\":\"parseTextEntities\",\"text\":\"<b>bold</b> <i>it</i>"
              + " <a href=\\\"https://t.me/herald\\\">link</a>\","
              + "\"parse_mode\":{\"@type\":\"textParseModeHTML\"}}",
          "{\"@type\":\"parseTextEntities\",\"text\":\"*unclosed\","
              + "\"parse_mode\":{\"@type\":\"textParseModeMarkdown\",\"version\":2}}",
          "{\"@type\":\"parseTextEntities\",\"text\":\"<b>unclosed\","
              + "\"parse_mode\":{\"@type\":\"textParseModeHTML\"}}",
          "{\"@type\":\"getChat\",\"chat_id\":-1001234567890}");

  @Test
  void synchronousMethodsAnswerAlike() {
    List<String> differences = new ArrayList<>();
    FakeTdJson fake = new FakeTdJson();
    for (String request : SYNCHRONOUS) {
      JsonValue expected = normalise(TdlibJson.parse(real.td_execute(request)));
      JsonValue actual = normalise(TdlibJson.parse(fake.td_execute(request)));
      if (!expected.equals(actual)) {
        differences.add(request + "\n  real: " + expected + "\n  fake: " + actual);
      }
    }
    assertEquals(List.of(), differences, String.join("\n", differences));
  }

  @Test
  void aNewClientAnswersAlikeUpToWaitPhoneNumber() throws Exception {
    Path dir = Files.createTempDirectory("herald-tdlib-contract");
    List<JsonObject> requests =
        List.of(
            request("getOption", "1").add("name", "version").build(),
            request("getChat", "2").add("chat_id", -1001234567890L).build(),
            request("setTdlibParameters", "3")
                .add("use_test_dc", true)
                .add("database_directory", dir.toString())
                .add("files_directory", dir.resolve("files").toString())
                .add("database_encryption_key", "")
                .add("use_file_database", false)
                .add("use_chat_info_database", false)
                .add("use_message_database", false)
                .add("use_secret_chats", false)
                .add("api_id", 12345)
                .add("api_hash", "0123456789abcdef0123456789abcdef")
                .add("system_language_code", "en")
                .add("device_model", "Herald")
                .add("system_version", "")
                .add("application_version", "0.1.0")
                .build(),
            request("getChat", "4").add("chat_id", -1001234567890L).build(),
            request("searchPublicChat", "5").add("username", "x").build(),
            request("getOption", "6").add("name", "version").build(),
            request("close", "7").build());
    Conversation expected = Conversation.run(real, requests);
    Conversation actual = Conversation.run(new FakeTdJson(), requests);
    assertEquals(expected.states, actual.states, "authorization states");
    assertEquals(expected.answers, actual.answers, "answers by @extra");
  }

  private static JsonObjectBuilder request(String type, String extra) {
    return Json.createObjectBuilder().add("@type", type).add("@extra", extra);
  }

  /** What one client got: its authorization states in order, and the answer to each request. */
  private record Conversation(List<String> states, Map<String, JsonValue> answers) {

    static Conversation run(TdJson td, List<JsonObject> requests) {
      int client = td.td_create_client_id();
      List<String> states = new ArrayList<>();
      Map<String, JsonValue> answers = new java.util.LinkedHashMap<>();
      for (JsonObject request : requests) {
        String extra = request.getString("@extra");
        td.td_send(client, request.toString());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!answers.containsKey(extra) && System.nanoTime() < deadline) {
          String received = td.td_receive(1.0);
          if (received == null) {
            continue;
          }
          JsonObject message = TdlibJson.parse(received);
          if (message.getInt("@client_id", -1) != client) {
            continue;
          }
          if ("updateAuthorizationState".equals(TdlibJson.type(message))) {
            states.add(TdlibJson.type(message.getJsonObject("authorization_state")));
          } else if (message.containsKey("@extra")) {
            answers.put(message.getString("@extra"), normalise(message));
          }
        }
      }
      // The close is answered before the last states arrive: collect them briefly.
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!states.contains(AuthorizationStates.CLOSED) && System.nanoTime() < deadline) {
        String received = td.td_receive(0.5);
        if (received != null) {
          JsonObject message = TdlibJson.parse(received);
          if (message.getInt("@client_id", -1) == client
              && "updateAuthorizationState".equals(TdlibJson.type(message))) {
            states.add(TdlibJson.type(message.getJsonObject("authorization_state")));
          }
        }
      }
      return new Conversation(states, answers);
    }
  }

  /** Drops volatile keys, recursively. */
  static JsonValue normalise(JsonValue value) {
    if (value instanceof JsonObject object) {
      JsonObjectBuilder copy = Json.createObjectBuilder();
      object.forEach(
          (key, child) -> {
            if (!VOLATILE.contains(key)) {
              copy.add(key, normalise(child));
            }
          });
      return copy.build();
    }
    if (value instanceof jakarta.json.JsonArray array) {
      var copy = Json.createArrayBuilder();
      array.forEach(child -> copy.add(normalise(child)));
      return copy.build();
    }
    return value;
  }
}
