package dev.herald.telegram.botapi;

import static dev.herald.telegram.botapi.FakeBotApi.BOT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetErrors;
import dev.herald.domain.targets.TargetMembership;
import dev.herald.domain.targets.TargetRules;
import dev.herald.domain.telegram.ChatReference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user bot's targets on a local Bot API server: getMe, getChat, getChatMember. */
class BotApiTargetsTest extends FakeBotApiTest {

  private static final ChatReference GROUP = ChatReference.parse("@herald_group");

  private BotApiGateway gateway;

  @BeforeEach
  void connect() {
    gateway = telegram.gateway(Duration.ofSeconds(10));
    telegram.ok("getMe", "{\"id\":123456789,\"is_bot\":true,\"username\":\"HeraldTestBot\"}");
    telegram.ok(
        "getChat",
        "{\"id\":-1001,\"type\":\"supergroup\",\"title\":\"Group\",\"slow_mode_delay\":30}");
  }

  private Preparation prepare(ChatReference chat) {
    return gateway.prepare(BOT, chat, Optional.empty(), true).toCompletableFuture().join();
  }

  @Test
  void anAddedBotIsReadyWithTheChatsIdTitleAndSlowMode() {
    telegram.ok("getChatMember", "{\"status\":\"member\",\"user\":{\"id\":123456789}}");
    assertEquals(Preparation.ready(-1001, "Group", 30, false), prepare(GROUP));
    assertEquals(
        List.of("getMe", "getChat", "getChatMember"),
        telegram.calls().stream().map(FakeBotApi.Call::method).toList());
    assertEquals("{\"chat_id\":-1001,\"user_id\":123456789}", telegram.calls().get(2).body());
  }

  @Test
  void aTopicIsPreparedOnlyInAForum() {
    telegram.ok("getChatMember", "{\"status\":\"member\",\"user\":{\"id\":123456789}}");
    ChatReference topic = ChatReference.parse("https://t.me/herald_group/5");
    Preparation refused = prepare(topic);
    assertEquals(TargetErrors.TOPIC_UNAVAILABLE, refused.error().orElseThrow().code());
    assertEquals(TargetRules.BLOCKED_RECHECK, refused.retryAfter());
    assertEquals("{\"chat_id\":\"@herald_group\"}", telegram.calls().get(1).body());

    telegram.ok(
        "getChat", "{\"id\":-1001,\"type\":\"supergroup\",\"title\":\"Forum\",\"is_forum\":true}");
    assertEquals(Preparation.ready(-1001, "Forum", 0, false), prepare(topic));
  }

  @Test
  void aBotNotAddedTellsTheTenantToAddIt() {
    telegram.error("getChat", 400, "Bad Request: chat not found");
    Preparation told = prepare(GROUP);
    assertEquals(TargetMembership.NOT_MEMBER, told.membership());
    assertEquals(
        "Add @HeraldTestBot to @herald_group and let it post.",
        told.error().orElseThrow().message());
  }

  @Test
  void aBotThatLeftOrIsAMemberOfAChannelCannotPost() {
    telegram.ok("getChatMember", "{\"status\":\"left\",\"user\":{\"id\":123456789}}");
    assertEquals(TargetErrors.BOT_NOT_MEMBER, prepare(GROUP).error().orElseThrow().code());
    telegram.ok("getChat", "{\"id\":-1002,\"type\":\"channel\",\"title\":\"News\"}");
    telegram.ok("getChatMember", "{\"status\":\"member\",\"user\":{\"id\":123456789}}");
    assertEquals(TargetMembership.WRITE_FORBIDDEN, prepare(GROUP).membership());
  }

  @Test
  void aMemberBotCannotPostWhereTheGroupLetsNoMemberSendAndAnAdminCan() {
    telegram.ok(
        "getChat",
        "{\"id\":-1003,\"type\":\"supergroup\",\"title\":\"Announcements\","
            + "\"permissions\":{\"can_send_messages\":false}}");
    telegram.ok("getChatMember", "{\"status\":\"member\",\"user\":{\"id\":123456789}}");
    assertEquals(TargetErrors.BOT_CANNOT_POST, prepare(GROUP).error().orElseThrow().code());
    telegram.ok("getChatMember", "{\"status\":\"administrator\",\"user\":{\"id\":123456789}}");
    assertEquals(TargetMembership.JOINED, prepare(GROUP).membership(), "admins are not restricted");
  }

  @Test
  void aTooManyRequestsAnswerWaitsTheTimeAsked() {
    telegram.answer(
        "getChat",
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 17\","
            + "\"parameters\":{\"retry_after\":17}}");
    assertEquals(Duration.ofSeconds(17), prepare(GROUP).retryAfter());
  }
}
