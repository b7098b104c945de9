package dev.herald.telegram.botapi;

import static dev.herald.telegram.botapi.FakeBotApi.BOT;
import static dev.herald.telegram.botapi.FakeBotApi.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.MessageLink;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SamplePosts;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.UrlButton;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BotApiGatewayTest extends FakeBotApiTest {

  private static final ChatReference CHAT = ChatReference.parse("@herald_demo");
  private static final Post TEXT = Post.text("Hello \"world\"");

  private BotApiGateway gateway;

  @BeforeEach
  void connect() {
    gateway = telegram.gateway(Duration.ofMillis(700));
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private SendOutcome sendText() {
    return gateway.send(BOT, CHAT, TEXT);
  }

  @Test
  void sendMessageDeliveredWithItsMessageId() {
    telegram.ok("sendMessage", "{\"message_id\":42,\"chat\":{\"id\":-1001}}");
    assertEquals(new SendOutcome.Delivered(42), sendText());
    FakeBotApi.Call call = telegram.calls().get(0);
    assertEquals(TOKEN, call.token());
    assertTrue(call.body().contains("\"chat_id\":\"@herald_demo\""), call.body());
    assertTrue(call.body().contains("\"text\":\"Hello \\\"world\\\"\""), call.body());
  }

  @Test
  void aProxysPageIsNoVerdictOfTelegramsOnTheTokenOrTheChat() {
    telegram.answer("sendMessage", 404, "<html><body>Not Found</body></html>");
    assertInstanceOf(SendOutcome.TransientError.class, sendText(), "not Unauthorized");
    telegram.answer("sendMessage", 403, "<html><body>Forbidden by the firewall</body></html>");
    assertInstanceOf(SendOutcome.TransientError.class, sendText(), "not ChatForbidden");
  }

  @Test
  void aGroupUpgradedToASupergroupGetsThePostAtItsNewIdAtOnce() {
    telegram.ok("sendMessage", "{\"message_id\":44}").upgraded(-4001, -1004001);

    assertEquals(
        new SendOutcome.Delivered(44), gateway.send(BOT, ChatReference.parse("-4001"), TEXT));

    assertEquals(2, telegram.calls().size(), "the refused call, then the post at the new id");
    assertTrue(telegram.calls().get(1).body().contains("\"chat_id\":-1004001,"));

    assertEquals(
        new SendOutcome.Delivered(44), gateway.send(BOT, ChatReference.parse("-4001"), TEXT));
    assertEquals(3, telegram.calls().size(), "the next post goes to the new id directly");
    assertTrue(telegram.calls().get(2).body().contains("\"chat_id\":-1004001,"));
  }

  @Test
  void anUpgradeIsFollowedOnceAndThenNamedToTheTenant() {
    telegram.ok("sendMessage", "{\"message_id\":45}").upgraded(-4001, -4002).upgraded(-4002, -4003);

    SendOutcome outcome = gateway.send(BOT, ChatReference.parse("-4001"), TEXT);

    assertInstanceOf(SendOutcome.ChatNotFound.class, outcome);
    assertTrue(outcome.toString().contains("-4003"), outcome::toString);
    assertEquals(2, telegram.calls().size());
  }

  @Test
  void formattedTextGoesAsEntitiesAndButtonsAsAnInlineKeyboard() {
    telegram.ok("sendMessage", "{\"message_id\":43}");
    Post post =
        SamplePosts.boldAndLinkedText(
            List.of(
                List.of(new UrlButton("Open", "https://example.com/a")),
                List.of(new UrlButton("Chat", "tg://resolve?domain=herald"))));

    assertEquals(new SendOutcome.Delivered(43), gateway.send(BOT, CHAT, post));

    JsonObject body =
        Json.createReader(new StringReader(telegram.calls().get(0).body())).readObject();
    assertEquals("Hello via Bot API", body.getString("text"));
    assertFalse(body.containsKey("parse_mode"), "entities, never a parse_mode");
    JsonObject bold = body.getJsonArray("entities").getJsonObject(0);
    assertEquals("bold", bold.getString("type"));
    assertEquals(10, bold.getInt("offset"));
    assertEquals(7, bold.getInt("length"));
    assertEquals(
        "https://example.com/", body.getJsonArray("entities").getJsonObject(1).getString("url"));
    JsonArray keyboard = body.getJsonObject("reply_markup").getJsonArray("inline_keyboard");
    assertEquals(2, keyboard.size());
    assertEquals("Open", keyboard.getJsonArray(0).getJsonObject(0).getString("text"));
    assertEquals(
        "tg://resolve?domain=herald", keyboard.getJsonArray(1).getJsonObject(0).getString("url"));
  }

  @Test
  void aPlainPostSendsNeitherEntitiesNorMarkup() {
    telegram.ok("sendMessage", "{\"message_id\":1}");
    sendText();
    String body = telegram.calls().get(0).body();
    assertFalse(body.contains("entities"), body);
    assertFalse(body.contains("reply_markup"), body);
  }

  @Test
  void numericChatIdsAreSentAsNumbers() {
    telegram.ok("sendMessage", "{\"message_id\":1}");
    gateway.send(BOT, ChatReference.parse("-1001234567890"), TEXT);
    assertTrue(telegram.calls().get(0).body().contains("\"chat_id\":-1001234567890"));
  }

  @Test
  void aForumTopicIsTheMessageThreadOfEverySend() {
    telegram.ok("sendMessage", "{\"message_id\":1}");
    telegram.ok("forwardMessage", "{\"message_id\":2}");
    ChatReference topic = ChatReference.parse("https://t.me/herald_demo/12");
    gateway.send(BOT, topic, TEXT);
    gateway.send(BOT, topic, Post.forward(MessageLink.parse("https://t.me/source_chan/15")));
    gateway.send(BOT, ChatReference.parse("https://t.me/c/1234567/9"), TEXT);
    for (int i = 0; i < 2; i++) {
      JsonObject body = json(telegram.calls().get(i).body());
      assertEquals("@herald_demo", body.getString("chat_id"));
      assertEquals(12, body.getInt("message_thread_id"));
    }
    JsonObject privateTopic = json(telegram.calls().get(2).body());
    assertEquals(-1001234567L, privateTopic.getJsonNumber("chat_id").longValue());
    assertEquals(9, privateTopic.getInt("message_thread_id"));
    gateway.send(BOT, CHAT, TEXT);
    assertFalse(json(telegram.calls().get(3).body()).containsKey("message_thread_id"));
  }

  @Test
  void aClosedOrMissingTopicIsTheTopicsNotTheChats() {
    for (String description :
        new String[] {"Bad Request: TOPIC_CLOSED", "Bad Request: message thread not found"}) {
      telegram.error("sendMessage", 400, description);
      assertEquals(
          new SendOutcome.TopicUnavailable(description),
          gateway.send(BOT, ChatReference.parse("@herald_demo/12"), TEXT),
          description);
    }
  }

  @Test
  void forwardPostsUseForwardMessage() {
    telegram.ok("forwardMessage", "{\"message_id\":77}");
    Post forward = Post.forward(MessageLink.parse("https://t.me/source_chan/15"));
    assertEquals(new SendOutcome.Delivered(77), gateway.send(BOT, CHAT, forward));
    String body = telegram.calls().get(0).body();
    assertEquals("forwardMessage", telegram.calls().get(0).method());
    assertTrue(
        body.contains("\"from_chat_id\":\"@source_chan\"") && body.contains("\"message_id\":15"),
        body);
  }

  @Test
  void forwardAsCopyUsesCopyMessage() {
    telegram.ok("copyMessage", "{\"message_id\":78}");
    BotApiGateway copying = new BotApiGateway(telegram.client(Duration.ofSeconds(2)), true);
    Post forward = Post.forward(MessageLink.parse("https://t.me/c/1234567/15"));
    assertEquals(new SendOutcome.Delivered(78), copying.send(BOT, CHAT, forward));
    assertEquals("copyMessage", telegram.calls().get(0).method());
    assertTrue(telegram.calls().get(0).body().contains("\"from_chat_id\":-1001234567"));
  }

  @Test
  void tooManyRequestsWithRetryAfterIsAFloodWait() {
    telegram.answer(
        "sendMessage",
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after"
            + " 7\",\"parameters\":{\"retry_after\":7}}");
    assertEquals(new SendOutcome.FloodWait(Duration.ofSeconds(7)), sendText());
  }

  @Test
  void retryAfterInTheDescriptionOfA400IsAFloodWait() {
    telegram.error("sendMessage", 400, "Bad Request: Too Many Requests: retry after 5");
    assertEquals(new SendOutcome.FloodWait(Duration.ofSeconds(5)), sendText());
  }

  @Test
  void kickedBlockedOrWithoutRightsIsChatForbidden() {
    for (String description :
        new String[] {
          "Forbidden: bot was kicked from the supergroup chat",
          "Forbidden: bot is not a member of the channel chat",
          "Forbidden: bot was blocked by the user"
        }) {
      telegram.error("sendMessage", 403, description);
      assertEquals(new SendOutcome.ChatForbidden(description), sendText(), description);
    }
    telegram.error("sendMessage", 400, "Bad Request: have no rights to send a message");
    assertInstanceOf(SendOutcome.ChatForbidden.class, sendText());
  }

  @Test
  void chatNotFound() {
    telegram.error("sendMessage", 400, "Bad Request: chat not found");
    assertEquals(new SendOutcome.ChatNotFound("Bad Request: chat not found"), sendText());
  }

  @Test
  void unauthorizedToken() {
    telegram.error("sendMessage", 401, "Unauthorized");
    assertInstanceOf(SendOutcome.Unauthorized.class, sendText());
  }

  @Test
  void serverErrorsAndNonBotApiAnswersAreTransient() {
    telegram.error("sendMessage", 500, "Internal Server Error");
    assertInstanceOf(SendOutcome.TransientError.class, sendText());
    telegram.answer("sendMessage", 502, "<html>Bad Gateway</html>");
    assertInstanceOf(SendOutcome.TransientError.class, sendText());
    telegram.error("sendMessage", 400, "Bad Request: SOMETHING_NEW");
    assertInstanceOf(SendOutcome.TransientError.class, sendText());
  }

  /** The post itself, in any chat: sending it again changes nothing until the tenant edits it. */
  @Test
  void aRefusedPostIsRejectedNotTransient() {
    for (String description :
        new String[] {
          "Bad Request: message is too long",
          "Bad Request: message caption is too long",
          "Bad Request: can't parse entities: Can't find end tag corresponding to start tag b",
          "Bad Request: message text is empty",
          "Bad Request: BUTTON_URL_INVALID",
          "Bad Request: message to forward not found",
          "Bad Request: message can't be forwarded"
        }) {
      telegram.error("sendMessage", 400, description);
      assertEquals(
          new SendOutcome.PostRejected("Telegram refused the post: " + description),
          sendText(),
          description);
    }
  }

  @Test
  void noAnswerWithinTheTimeoutIsTransient() {
    telegram.hang("sendMessage");
    long start = System.nanoTime();
    SendOutcome outcome = sendText();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertInstanceOf(SendOutcome.TransientError.class, outcome);
    assertTrue(millis < 5000, "took " + millis + " ms");
    assertFalse(outcome.toString().contains(TOKEN.substring(10)), "token leaked: " + outcome);
  }

  @Test
  void unreachableServerIsTransient() {
    telegram.close();
    BotApiGateway nowhere =
        new BotApiGateway(
            new BotApiClient(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(2)), false);
    SendOutcome outcome = nowhere.send(BOT, CHAT, TEXT);
    assertInstanceOf(SendOutcome.TransientError.class, outcome);
    assertFalse(outcome.toString().contains(TOKEN.substring(10)), "token leaked: " + outcome);
  }

  @Test
  void inviteLinksCannotBeUsedByBots() {
    SendOutcome outcome =
        gateway.send(BOT, ChatReference.parse("https://t.me/+AbCdEfGh1234"), TEXT);
    assertInstanceOf(SendOutcome.ChatNotFound.class, outcome);
    assertTrue(telegram.calls().isEmpty());
  }

  @Test
  void sessionsCannotSendThroughTheBotApiAndAreNotBannedForIt() {
    SendOutcome outcome = gateway.send(Sender.session(1), CHAT, TEXT);
    assertInstanceOf(SendOutcome.SenderUnavailable.class, outcome);
    assertTrue(outcome.retryableByAnotherSender(), "nothing was sent");
  }
}
