package dev.herald.domain.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatReferenceTest {

  @ParameterizedTest
  @CsvSource({
    "@Herald_News, USERNAME, @herald_news",
    "herald_news, USERNAME, @herald_news",
    "https://t.me/Herald_News, USERNAME, @herald_news",
    "http://t.me/herald_news/, USERNAME, @herald_news",
    "t.me/herald_news?start=1, USERNAME, @herald_news",
    "https://telegram.me/herald_news, USERNAME, @herald_news",
    "https://t.me/herald_news/42, USERNAME, @herald_news/42",
    "https://t.me/herald_news/42/77, USERNAME, @herald_news/42",
    "https://t.me/herald_news/1, USERNAME, @herald_news",
    "https://t.me/herald_news/news, USERNAME, @herald_news",
    "@Herald_News/42, USERNAME, @herald_news/42",
    "-1001234567890/42, CHAT_ID, -1001234567890/42",
    "-1001234567890, CHAT_ID, -1001234567890",
    "  123456  , CHAT_ID, 123456",
    "https://t.me/c/1234567890, CHAT_ID, -1001234567890",
    "https://t.me/c/1234567890/15, CHAT_ID, -1001234567890/15",
    "https://t.me/c/1234567890/15/300, CHAT_ID, -1001234567890/15",
    "https://t.me/c/1234567890/300?thread=15, CHAT_ID, -1001234567890/15",
    "https://t.me/herald_news/300?single&thread=15, USERNAME, @herald_news/15",
    "https://t.me/+AbCdEf123456, INVITE, https://t.me/+AbCdEf123456",
    "https://t.me/joinchat/AbCdEf123456, INVITE, https://t.me/+AbCdEf123456",
  })
  void normalisesEverySpellingOfAChat(String raw, ChatReference.Kind kind, String canonical) {
    ChatReference reference = ChatReference.parse(raw);
    assertEquals(kind, reference.kind());
    assertEquals(canonical, reference.canonical());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "@ab",
        "@1abc",
        "not a chat",
        "https://example.com/herald",
        "https://t.me/+short",
        "99999999999999999999999",
        "0",
        "@name-with-dash",
        "@herald_news/0",
        "@herald_news/4294967296",
        "https://t.me/herald_news/4294967296",
        "https://t.me/herald_news/0",
        "https://t.me/herald_news/05",
        "https://t.me/c/1234567890/0",
        "https://t.me/herald_news/42?thread=0",
        "https://t.me/+AbCdEf123456/5",
      })
  void rejectsWhatIsNotAChat(String raw) {
    assertTrue(ChatReference.tryParse(raw).isEmpty(), raw);
  }

  @org.junit.jupiter.api.Test
  void aTopicIsPartOfTheReferenceAndTheChatIsWhatTelegramResolves() {
    ChatReference topic = ChatReference.parse("https://t.me/Herald_News/42");
    assertEquals(42, topic.topic());
    assertEquals("herald_news", topic.username());
    assertEquals(ChatReference.parse("@herald_news"), topic.chat());
    assertEquals(topic, ChatReference.parse(topic.canonical()));
    assertNotEquals(topic, topic.chat());

    ChatReference privateTopic = ChatReference.parse("https://t.me/c/1234567890/15");
    assertEquals(-1001234567890L, privateTopic.chatId());
    assertEquals(15, privateTopic.topic());

    ChatReference none = ChatReference.parse("@herald_news");
    assertEquals(0, none.topic());
    assertFalse(none.hasTopic());
    assertSame(none, none.chat());
    assertEquals(0, ChatReference.parse("https://t.me/+AbCdEf123456").topic());
    assertTrue(ChatReference.namesTopic("-1001234567890/15"));
    assertFalse(ChatReference.namesTopic("@herald_news"));
    assertFalse(ChatReference.namesTopic("https://t.me/+AbCdEf123456"));
  }

  @org.junit.jupiter.api.Test
  void twoSpellingsOfOneChatAreEqual() {
    assertEquals(ChatReference.parse("@Herald"), ChatReference.parse("https://t.me/herald"));
  }
}
